package org.mwconform.run;

import java.nio.file.Path;
import java.util.List;

/**
 * The options of {@code mwconform run}, checked: everything that can be wrong with them without touching the
 * disk or the network is a {@link UsageException} here (the reports folder is checked by {@link ReportsFolder}).
 *
 * @param baseline the run the matrix compares with (a run id under reports/runs/); null: the newest unfiltered run
 * @param progress auto (a live status on a terminal, nothing otherwise), always or never
 * @param shard    this job's share of the matrix ({@code --shard I/N}), or null for all of it
 * @param allure   write each deployment's Allure report during the run (else {@code mwconform allure} does it later)
 * @param features feature folders or files ({@code core}: the core contract), instead of the core contract; empty: as
 *                 the environment file or mwconform.yml says, else the core contract
 * @param glue     glue packages beside the core's
 * @param classpath folders or jars where that glue is (a class loader over them runs the scenarios)
 * @param project  a folder holding mwconform.yml; null: the current folder's, if it has one
 * @param patience {@code --patience}: how long this run waits on each wiki, over every file's {@code patience:}; null: theirs
 */
public record RunOptions(List<Path> environments, String target, boolean targetWritable, String usernamePrefix,
                         String tags, Path reportsDir, int threads, String order, String baseline, String progress,
                         boolean allure, Shard shard, List<String> features, List<String> glue, List<Path> classpath,
                         Path project, java.time.Duration patience) {
}
