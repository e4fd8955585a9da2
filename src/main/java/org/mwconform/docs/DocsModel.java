package org.mwconform.docs;

import java.util.List;

/**
 * What the documentation site's templates ({@code *.jte} beside this package's resources) show: decided in
 * {@link DocsSite}, laid out by the templates, escaped by the template engine. Null members are left out.
 */
final class DocsModel {
    private DocsModel() {
    }

    /** The run the pages show; null when there is none yet. */
    record RunLine(String id, String startedAt, String tags) {
    }

    record Index(RunLine run, List<ChapterLink> chapters, List<ExtensionChapters> extensions, List<CodeLink> codes, List<VersionLink> versions, String changesHref,
                 List<GuideLink> guide) {
    }

    /** "What changed between versions": each pair of deployments that name each other, the cells that differ; notes: the guide's page. */
    record BetweenVersions(RunLine run, List<VersionPair> pairs, String notesHref) {
    }

    record VersionPair(String title, String base, String other, List<VersionDifference> differences) {
    }

    record VersionDifference(String href, String scenario, String what, String baseEvidence, String otherEvidence) {
    }

    /** An extension's features ({@code @extension:NAME}): that extension's living documentation, apart from the page's flows. */
    record ExtensionChapters(String extension, List<ChapterLink> chapters) {
    }

    record ChapterLink(String href, String name, String count, List<Badge> badges) {
    }

    /** How many results of one outcome; {@code label} is also the CSS class. */
    record Badge(String label, int count) {
    }

    record CodeLink(String href, String code, String count) {
    }

    record VersionLink(String href, String version, String count) {
    }

    /** A page of the guide: {@code href} from the site's root, {@code source} its path in the repository. */
    record GuideLink(String href, String title, String source) {
    }

    record ChapterPage(String name, String description, String tags, List<Scenario> scenarios) {
    }

    record CodePage(String code, List<Scenario> scenarios) {
    }

    record VersionPage(String version, RunLine run, List<DeploymentRow> deployments, List<Deviation> deviations) {
    }

    record DeploymentRow(String name, String target, String counts) {
    }

    record Deviation(String href, String id, String reason, String source) {
    }

    /** One scenario; {@code results} is null when there is no run. */
    record Scenario(String id, String name, String tags, List<String> steps, List<Condition> conditions, List<ResultRow> results) {
    }

    record Condition(String id, String summary) {
    }

    record ResultRow(String deployment, String mediawikiVersion, String outcome, String symbol, String why, String source) {
    }

    /** A guide page: {@code root} leads from its folder back to the site's root; {@code html} is commonmark's output. */
    record GuidePage(String title, String source, String root, String html, List<GuideLink> nav) {
    }
}
