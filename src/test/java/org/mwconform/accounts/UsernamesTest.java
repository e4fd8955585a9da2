package org.mwconform.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsernamesTest {
    @Test
    void aNameWithAHashIsStoredAsTheTitleBeforeIt() {
        // list=users calls "X#x" invalid whatever the wiki holds: "no account was created" must look at "X".
        assertThat(Usernames.storedAs("mwconform_abc#x")).containsExactly("Mwconform abc#x", "Mwconform abc");
        assertThat(Usernames.storedAs("Mwconform abc@x")).containsExactly("Mwconform abc@x");
    }

    @Test
    void ipAddressesAreToldApart() {
        assertThat(Usernames.isIp("127.0.0.9")).isTrue();
        assertThat(Usernames.isIp("2001:db8::1")).isTrue();
        assertThat(Usernames.isIp("Mwconform 1.2.3")).isFalse();
        assertThat(Usernames.isIp("Mwconform abc")).isFalse();
    }
}
