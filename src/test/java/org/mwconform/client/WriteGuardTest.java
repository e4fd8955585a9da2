package org.mwconform.client;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteGuardTest {
    private static final Map<String, String> CREATE = Map.of("action", "createaccount", "username", "Fresh", "password", "a1b2c3d4e5",
            "retype", "a1b2c3d4e5", "createreturnurl", "http://w/", "createtoken", "t+\\");
    private static final Map<String, String> GUARDED = Map.of("action", "createaccount", "username", "Existing", "password", "a1b2c3d4e5",
            "retype", "zz99yy88xx", "createreturnurl", "http://w/", "createtoken", "t+\\");

    @Test
    void aWritableDeploymentSendsEverything() {
        WriteGuard guard = WriteGuard.of("w", true, true);
        assertThatCode(() -> guard.check(CREATE, false)).doesNotThrowAnyException();
        assertThatCode(() -> guard.check(Map.of("action", "block", "user", "127.1.2.3"), false)).doesNotThrowAnyException();
    }

    @Test
    void aReadOnlyDeploymentGetsReadsOnly() {
        WriteGuard guard = WriteGuard.of("prod", false, false);
        assertThatCode(() -> guard.check(Map.of("action", "query", "meta", "tokens"), true)).doesNotThrowAnyException();
        assertThatCode(() -> guard.check(Map.of("action", "paraminfo", "modules", "createaccount"), true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check(CREATE, true)).isInstanceOf(WriteGuard.WriteRefusedException.class)
                .hasMessageContaining("refused to send action=createaccount to prod").hasMessageContaining("not a @safe-probe");
        assertThatThrownBy(() -> guard.check(Map.of("action", "block", "user", "x"), true)).hasMessageContaining("action=block");
        assertThatThrownBy(() -> guard.check(Map.of("format", "json"), true)).hasMessageContaining("action=(none)");
    }

    @Test
    void aSafeProbeLeavesOnlyWithItsGuard() {
        WriteGuard guard = WriteGuard.of("prod", false, false);
        assertThatThrownBy(() -> guard.check(GUARDED, true)).hasMessageContaining("not a @safe-probe");
        guard.allowGuardedProbes();
        assertThatCode(() -> guard.check(GUARDED, true)).doesNotThrowAnyException();
        // A step that set the retype back to the password took the guard away: refused, whatever the tag says.
        assertThatThrownBy(() -> guard.check(CREATE, true)).hasMessageContaining("lacks the probe's guard");
        Map<String, String> continued = new java.util.HashMap<>(GUARDED);
        continued.put("createcontinue", "1");
        assertThatThrownBy(() -> guard.check(continued, true)).hasMessageContaining("never continues");
    }

    @Test
    void credentialsNeverTravelOverPlainHttpToAWikiThatIsNotLocal() {
        Map<String, String> login = Map.of("action", "clientlogin", "username", "Creator", "password", "secret", "logintoken", "t");
        assertThatThrownBy(() -> WriteGuard.of("remote", true, false).check(login, false))
                .hasMessageContaining("over plain http://").hasMessageNotContaining("secret");
        assertThatCode(() -> WriteGuard.of("remote", true, false).check(login, true)).doesNotThrowAnyException();
        assertThatCode(() -> WriteGuard.of("local-vanilla", true, true).check(login, false)).doesNotThrowAnyException();
    }
}
