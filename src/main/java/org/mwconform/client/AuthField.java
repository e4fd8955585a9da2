package org.mwconform.client;

/**
 * One field of an authentication request, as authmanagerinfo announces it.
 *
 * @param sensitive the wiki marks it sensitive (a password, a TOTP code): its values are masked wherever they appear
 */
public record AuthField(String name, String type, String label, String help, String value, boolean optional, boolean sensitive) {

    public AuthField(String name, String type, String label, String help, String value, boolean optional) {
        this(name, type, label, help, value, optional, false);
    }
}
