package io.contactledger.command.rules;

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

    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
