package org.mwconform.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CI templates carry the history between jobs (restore before merge, save after) and publish the badges. */
class CiTemplatesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Path home = Path.of(System.getProperty("mwconform.home", ".")).toAbsolutePath();

    @Test
    void githubActionsRestoresTheHistoryBeforeTheMergeAndSavesItAfter() throws Exception {
        JsonNode merge = YAML.readTree(home.resolve("ci-templates/github-actions.yml").toFile()).at("/jobs/merge");
        List<String> steps = new ArrayList<>();
        merge.path("steps").forEach(s -> steps.add(s.path("uses").asText("") + s.path("run").asText("")));
        int restore = index(steps, "actions/cache/restore");
        int mergeStep = index(steps, "./mwconform merge");
        int history = index(steps, "./mwconform history");
        int save = index(steps, "actions/cache/save");
        assertThat(restore).isNotNegative().isLessThan(mergeStep);
        assertThat(history).isGreaterThan(mergeStep);
        assertThat(save).isGreaterThan(mergeStep);
        assertThat(merge.at("/steps/" + restore + "/with/path").asText()).isEqualTo("reports/" + HistoryStore.FILE_NAME + "*");
        assertThat(merge.at("/steps/" + save + "/with/path").asText()).isEqualTo("reports/" + HistoryStore.FILE_NAME + "*");
        assertThat(merge.at("/steps/" + save + "/if").asText()).isEqualTo("always()");
        assertThat(merge.at("/concurrency/group").asText()).startsWith("mwconform-history");
        assertThat(steps).anyMatch(s -> s.contains("reports/badges"));
        assertThat(steps).anyMatch(s -> s.startsWith("actions/upload-pages-artifact"));
    }

    @Test
    void gitlabCachesTheHistoryAndPublishesTheBadges() throws Exception {
        JsonNode ci = YAML.readTree(home.resolve("ci-templates/gitlab-ci.yml").toFile());
        // the merge job's first cache is the history (the second, the baseline of issue 25's regression check)
        assertThat(ci.at("/merge/cache/0/paths/0").asText()).isEqualTo("reports/" + HistoryStore.FILE_NAME + "*");
        assertThat(ci.at("/merge/cache/0/when").asText()).isEqualTo("always");
        assertThat(ci.at("/merge/cache/1/paths/0").asText()).isEqualTo("baseline/");
        assertThat(ci.at("/merge/resource_group").asText()).isEqualTo("mwconform-history");
        assertThat(ci.at("/merge/script").toString()).contains("./mwconform merge").contains("./mwconform history");
        assertThat(ci.at("/pages/script").toString()).contains("reports/badges");
    }

    private static int index(List<String> steps, String start) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).startsWith(start)) {
                return i;
            }
        }
        return -1;
    }
}
