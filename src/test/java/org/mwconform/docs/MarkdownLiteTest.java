package org.mwconform.docs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownLiteTest {
    @Test
    void headingsParagraphsItemsAndInlineMarksBecomeEscapedHtml() {
        String html = MarkdownLite.toHtml("""
                # What changed

                A paragraph
                on two lines with `<code>`.

                - **First**: one
                  continued
                - second, see [the page](versions.md)

                ## After
                """, 2);
        assertThat(html).isEqualTo("""
                <h2>What changed</h2>
                <p>A paragraph on two lines with <code>&lt;code&gt;</code>.</p>
                <ul>
                <li><strong>First</strong>: one continued</li>
                <li>second, see the page (versions.md)</li>
                </ul>
                <h3>After</h3>
                """);
    }
}
