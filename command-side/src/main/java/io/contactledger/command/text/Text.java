package io.contactledger.command.text;

/** Small checks on free text shared by several rules. */
public final class Text {

    private Text() {
    }

    /** Control characters (other than the allowed line breaks and tabs) never belong in stored text. */
    public static boolean hasControlCharacters(String s, boolean allowLineBreaks) {
        return s.codePoints().anyMatch(c -> {
            if (allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')) {
                return false;
            }
            return Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
        });
    }

    /**
     * Characters that make text display other than it reads: bidirectional embeddings, overrides,
     * isolates and marks (U+202A–202E, U+2066–2069, U+200E, U+200F, U+061C) and invisible spaces
     * (U+200B, U+2060, U+FEFF). Joiners (U+200C, U+200D) stay allowed: Persian, Indic scripts and
     * emoji sequences need them.
     */
    public static boolean hasDeceptiveFormatting(String s) {
        return s.codePoints().anyMatch(c -> c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069
                || c == 0x200E || c == 0x200F || c == 0x061C || c == 0x200B || c == 0x2060 || c == 0xFEFF);
    }

    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
