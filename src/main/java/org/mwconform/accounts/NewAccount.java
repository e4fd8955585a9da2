package org.mwconform.accounts;

/** A username never used before and the strong password that goes with it. */
public record NewAccount(String username, String password) {
    @Override
    public String toString() {
        return "NewAccount[" + username + "]";
    }
}
