package io.github.athenaddb.predicate;

/**
 * Strings in code point order, which is UTF-8 byte order and Athena's (and DynamoDB's) string
 * order, without decoding: where two UTF-16 units first differ, surrogates (U+D800-U+DFFF, the
 * halves of characters from U+10000 on) rank above U+E000-U+FFFF, where String.compareTo puts
 * them below.
 */
public final class CodePointOrder
{
    private CodePointOrder() {}

    public static int compare(String a, String b)
    {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return rank(x) - rank(y);
            }
        }
        return a.length() - b.length();
    }

    private static int rank(char c)
    {
        if (c >= 0xE000) {
            return c - 0x800;
        }
        return c >= 0xD800 ? c + 0x2000 : c;
    }
}
