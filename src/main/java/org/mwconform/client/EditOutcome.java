package org.mwconform.client;

/**
 * What {@code action=edit} answered: its {@code result} and whether it created a temporary user
 * ({@code tempusercreated}, MediaWiki 1.43), or the top-level error.
 */
public record EditOutcome(String result, boolean tempUserCreated, String tempUserRedirect, ApiError error) {
}
