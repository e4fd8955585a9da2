package org.mwconform.client;

/** Who a session is ({@code meta=userinfo}): a name (an IP address when anonymous), and the anon and temp marks. */
public record CurrentUser(String name, long id, boolean anonymous, boolean temporary) {
}
