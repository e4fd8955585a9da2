package org.mwconform.client;

/** One field of an authentication request, as authmanagerinfo announces it. */
public record AuthField(String name, String type, String label, String help, String value, boolean optional) {
}
