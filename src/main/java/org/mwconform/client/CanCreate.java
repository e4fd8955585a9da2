package org.mwconform.client;

import java.util.List;

/**
 * What {@code list=users&usprop=cancreate} says of one name: whether an account could be created with it now, and if
 * not, the codes of {@code cancreateerror}. Asking creates nothing.
 *
 * @param name       the name as the wiki normalised it
 * @param cancreate  {@code cancreate} (absent when the name is invalid or taken)
 * @param errorCodes the {@code code} of each {@code cancreateerror} entry
 * @param errorKeys  the {@code message} key of each entry
 */
public record CanCreate(String name, boolean missing, boolean invalid, boolean cancreate, List<String> errorCodes,
                        List<String> errorKeys) {
    public CanCreate {
        errorCodes = errorCodes == null ? List.of() : List.copyOf(errorCodes);
        errorKeys = errorKeys == null ? List.of() : List.copyOf(errorKeys);
    }
}
