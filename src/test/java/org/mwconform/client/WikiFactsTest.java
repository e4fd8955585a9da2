package org.mwconform.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwconform.secrets.SecretMasker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The facts read once for a run answer exactly the reads they were read for, and their file shows no secret. */
class WikiFactsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRecordedAnswerAnswersTheSameReadWhateverTheOrderOfItsParameters() throws Exception {
        WikiFacts facts = WikiFacts.reading(text -> text);
        facts.record("read paraminfo", Map.of("action", "paraminfo", "modules", "createaccount"),
                new ApiResponse(200, "application/json", JSON.readTree("{\"paraminfo\":{}}"), "abc"));
        assertThat(facts.answer(new java.util.LinkedHashMap<>(Map.of("modules", "createaccount", "action", "paraminfo")))).isPresent();
        assertThat(facts.answer(Map.of("action", "paraminfo", "modules", "block"))).as("another read").isEmpty();
        assertThat(facts.servedBy()).contains("abc");
        assertThat(WikiFacts.none().answer(Map.of("action", "paraminfo", "modules", "createaccount"))).isEmpty();
    }

    @Test
    void theFileIsMaskedWithTheReadingSessionsSecrets(@TempDir Path dir) throws Exception {
        SecretMasker masker = new SecretMasker();
        masker.register("Sekrit-TOTP-Value");
        WikiFacts facts = WikiFacts.reading(masker::mask);
        facts.record("read authmanagerinfo", Map.of("action", "query", "meta", "authmanagerinfo"), new ApiResponse(200,
                "application/json", JSON.readTree("{\"query\":{\"authmanagerinfo\":{\"value\":\"Sekrit-TOTP-Value\"}}}")));
        Path file = dir.resolve(WikiFacts.FILE);
        facts.write(file);
        assertThat(Files.readString(file)).doesNotContain("Sekrit-TOTP-Value").contains(SecretMasker.MASK).contains("read authmanagerinfo");
    }
}
