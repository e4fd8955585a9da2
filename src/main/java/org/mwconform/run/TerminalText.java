package org.mwconform.run;

/**
 * Nothing from a wiki reaches a terminal raw: control characters (escape sequences, carriage returns,
 * backspaces, line breaks, C1 codes, bidirectional overrides) are shown escaped, so a hostile generator
 * string cannot rewrite the summary line it appears in.
 */
public final class TerminalText {
    private TerminalText() {
    }

    public static String safe(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(c) || isBidiControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(c <= 0xFF ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
    }
}
