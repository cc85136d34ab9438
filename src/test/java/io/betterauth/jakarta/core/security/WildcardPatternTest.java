package io.betterauth.jakarta.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link WildcardPattern} against Better Auth 1.7.25's own construction: {@code utils/wildcard.ts}'s
 * {@code transform(pattern, true)} is ported below word for word to build the regular expression Better Auth
 * matches with, and both must agree on every sample; then samples long enough to stall that regular expression.
 */
class WildcardPatternTest {

    @Test
    void agreesWithBetterAuthsRegularExpression_onRandomPatternsAndSamples() {
        String[] patternParts = {"a", "b", ".", "/", "//", "\\", "\\*", "*", "?", "**", ":", "-"};
        String[] sampleParts = {"a", "b", ".", "/", "\\", ":", "-", "*", "ab", "a.b"};
        Random random = new Random(20261202);
        int matched = 0;
        for (int i = 0; i < 20_000; i++) {
            String pattern = random(random, patternParts, 7);
            Pattern regex = Pattern.compile("^" + betterAuthsTransform(pattern) + "$");
            WildcardPattern ours = WildcardPattern.compile(pattern);
            for (int j = 0; j < 10; j++) {
                String sample = random(random, sampleParts, 8);
                boolean expected = regex.matcher(sample).matches();
                assertThat(ours.matches(sample)).as("%s vs %s", pattern, sample).isEqualTo(expected);
                matched += expected ? 1 : 0;
            }
        }
        assertThat(matched).as("the samples exercise matches too").isGreaterThan(10_000);
    }

    @Test
    void documentedOriginPatterns_asBetterAuthReadsThem() {
        assertThat(WildcardPattern.compile("*.example.com").matches("a.b.example.com")).isTrue();
        assertThat(WildcardPattern.compile("*.example.com").matches("example.com")).isFalse();
        assertThat(WildcardPattern.compile("https://*.example.com").matches("https://a.example.com")).isTrue();
        assertThat(WildcardPattern.compile("https://*.example.com").matches("https://evil.com/.example.com")).isFalse();
        assertThat(WildcardPattern.compile("exp://192.168.*.*:*/**").matches("exp://192.168.1.5:8081/--/a/b")).isTrue();
        assertThat(WildcardPattern.compile("/**").matches("/a/b/c")).isTrue();
        assertThat(WildcardPattern.compile("a/**/b").matches("a/x/y/b")).isTrue();
        assertThat(WildcardPattern.compile("a/**/b").matches("a/xb")).isFalse();
        assertThat(WildcardPattern.compile("a\\*b").matches("a*b")).isTrue();
        assertThat(WildcardPattern.compile("a\\*b").matches("axb")).isFalse();
    }

    @Test
    void aHundredKilobyteSample_thatAlmostMatchesSeveralStars_isAnsweredExactly() {
        // Each of these makes Better Auth's regular expression backtrack polynomially or exponentially.
        String as = "a".repeat(100_000);
        assertThat(WildcardPattern.compile("*a*a*a*a*a*a*a*b").matches(as)).isFalse();
        assertThat(WildcardPattern.compile("*a*a*a*a*a*a*a*b").matches(as + "b")).isTrue();
        String dotted = "a.".repeat(50_000);
        assertThat(WildcardPattern.compile("https://*.*.*.*.*.*.example.com").matches("https://" + dotted + "example.co"))
                .isFalse();
        assertThat(WildcardPattern.compile("https://*.*.*.*.*.*.example.com").matches("https://" + dotted + "example.com"))
                .isTrue();
        String slashes = "a/".repeat(50_000);
        // A globstar after the first segment starts with a separator ("/a/x" matches, "a/x" does not).
        assertThat(WildcardPattern.compile("**/**/**/**/x").matches("/" + slashes + "y")).isFalse();
        assertThat(WildcardPattern.compile("**/**/**/**/x").matches("/" + slashes + "x")).isTrue();
        assertThat(WildcardPattern.compile("**/**/**/**/x").matches(slashes + "x")).isFalse();
        assertThat(WildcardPattern.compile("/**/a/**/a/**/b").matches("/" + slashes)).isFalse();
    }

    private static String random(Random random, String[] parts, int maxParts) {
        StringBuilder out = new StringBuilder();
        for (int n = random.nextInt(maxParts + 1); n > 0; n--) {
            out.append(parts[random.nextInt(parts.length)]);
        }
        return out.toString();
    }

    // --- Better Auth 1.7.25, dist/utils/wildcard.mjs, transform(pattern, separator = true) ---

    private static String escapeRegExpChar(char c) {
        return "-^$+.()|[]{}*?\\".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c);
    }

    private static String betterAuthsTransform(String pattern) {
        String separatorMatcher = "[/\\\\]";
        String wildcard = "[^/\\\\]";
        String requiredSeparator = separatorMatcher + "+?";
        String optionalSeparator = separatorMatcher + "*?";
        String[] segments = pattern.split("/", -1);
        StringBuilder result = new StringBuilder();
        for (int s = 0; s < segments.length; s++) {
            String segment = segments[s];
            String nextSegment = s + 1 < segments.length ? segments[s + 1] : null;
            String currentSeparator;
            if (segment.isEmpty() && s > 0) {
                continue;
            }
            if (s == segments.length - 1) {
                currentSeparator = optionalSeparator;
            } else if (!"**".equals(nextSegment)) {
                currentSeparator = requiredSeparator;
            } else {
                currentSeparator = "";
            }
            if (segment.equals("**")) {
                if (!currentSeparator.isEmpty()) {
                    result.append(s == 0 ? "" : currentSeparator);
                    result.append("(?:").append(wildcard).append("*?").append(currentSeparator).append(")*?");
                }
                continue;
            }
            for (int c = 0; c < segment.length(); c++) {
                char ch = segment.charAt(c);
                if (ch == '\\') {
                    if (c < segment.length() - 1) {
                        result.append(escapeRegExpChar(segment.charAt(c + 1)));
                        c++;
                    }
                } else if (ch == '?') {
                    result.append(wildcard);
                } else if (ch == '*') {
                    result.append(wildcard).append("*?");
                } else {
                    result.append(escapeRegExpChar(ch));
                }
            }
            result.append(currentSeparator);
        }
        return result.toString();
    }
}
