package io.betterauth.jakarta.core.security;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * A glob as Better Auth 1.7.25's {@code wildcardMatch(pattern)} reads it ({@code utils/wildcard.ts}, a port of
 * wildcard-match with {@code /} as the separator): {@code ?} is one character other than {@code /} and {@code \},
 * {@code *} any run of such characters, {@code **} as a whole segment any run of segments, {@code \} takes the next
 * character literally; a {@code /} in the pattern stands for one or more {@code /} or {@code \} of the sample, empty
 * segments collapse, and the sample may end with further separators. Characters compare exactly, as the regular
 * expression Better Auth builds does.
 *
 * <p>That regular expression has nested lazy quantifiers, which a backtracking engine (V8's, or
 * {@code java.util.regex}) can explore in exponential time on a long sample that almost matches. Here the same
 * language is compiled once into a small nondeterministic automaton, and a sample is matched by following all of
 * its states at once: every character is read once, so matching takes at most the sample's length times the
 * pattern's, whatever the sample.
 */
final class WildcardPattern {

    /** What a state's consuming edge accepts. */
    private static final byte NONE = 0;
    private static final byte LITERAL = 1;
    private static final byte SEGMENT_CHAR = 2;
    private static final byte SEPARATOR = 3;

    /** How a segment ends in Better Auth's {@code transform}: no separator, {@code [/\\]+?} or {@code [/\\]*?}. */
    private enum Ending { NONE, REQUIRED, OPTIONAL }

    private final byte[] kind;
    private final char[] literal;
    private final int[] target;
    /** Per state, the states reachable from it without reading a character, itself included. */
    private final BitSet[] closure;
    private final int accept;

    private WildcardPattern(Builder b) {
        int n = b.kind.size();
        kind = new byte[n];
        literal = new char[n];
        target = new int[n];
        for (int i = 0; i < n; i++) {
            kind[i] = b.kind.get(i);
            literal[i] = b.literal.get(i);
            target[i] = b.target.get(i);
        }
        closure = new BitSet[n];
        for (int i = 0; i < n; i++) {
            BitSet reached = new BitSet(n);
            Deque<Integer> todo = new ArrayDeque<>(List.of(i));
            while (!todo.isEmpty()) {
                int s = todo.pop();
                if (!reached.get(s)) {
                    reached.set(s);
                    b.epsilon.get(s).forEach(todo::push);
                }
            }
            closure[i] = reached;
        }
        accept = n - 1;
    }

    /** Compiles {@code pattern} as Better Auth's {@code transform(pattern, true)} does, segment by segment. */
    static WildcardPattern compile(String pattern) {
        Builder b = new Builder();
        String[] segments = pattern.split("/", -1);
        for (int s = 0; s < segments.length; s++) {
            String segment = segments[s];
            if (segment.isEmpty() && s > 0) {
                continue;
            }
            Ending ending = s == segments.length - 1 ? Ending.OPTIONAL
                    : "**".equals(segments[s + 1]) ? Ending.NONE : Ending.REQUIRED;
            if ("**".equals(segment)) {
                if (ending != Ending.NONE) {
                    if (s > 0) {
                        b.separators(ending);
                    }
                    b.anySegments(ending);
                }
                continue;
            }
            for (int c = 0; c < segment.length(); c++) {
                char ch = segment.charAt(c);
                if (ch == '\\') {
                    if (c < segment.length() - 1) {
                        b.consume(LITERAL, segment.charAt(++c));
                    }
                } else if (ch == '?') {
                    b.consume(SEGMENT_CHAR, '\0');
                } else if (ch == '*') {
                    b.repeat(SEGMENT_CHAR);
                } else {
                    b.consume(LITERAL, ch);
                }
            }
            b.separators(ending);
        }
        return b.build();
    }

    /** Whether the whole of {@code sample} matches. */
    boolean matches(String sample) {
        BitSet current = (BitSet) closure[0].clone();
        BitSet next = new BitSet(kind.length);
        for (int i = 0; i < sample.length() && !current.isEmpty(); i++) {
            char c = sample.charAt(i);
            next.clear();
            for (int s = current.nextSetBit(0); s >= 0; s = current.nextSetBit(s + 1)) {
                if (accepts(s, c)) {
                    next.or(closure[target[s]]);
                }
            }
            BitSet swap = current;
            current = next;
            next = swap;
        }
        return current.get(accept);
    }

    private boolean accepts(int state, char c) {
        return switch (kind[state]) {
            case LITERAL -> literal[state] == c;
            case SEGMENT_CHAR -> c != '/' && c != '\\';
            case SEPARATOR -> c == '/' || c == '\\';
            default -> false;
        };
    }

    /**
     * Appends states; each element falls through to the state appended after it, and {@link #build()} appends the
     * accepting one.
     */
    private static final class Builder {
        final List<Byte> kind = new ArrayList<>();
        final List<Character> literal = new ArrayList<>();
        final List<Integer> target = new ArrayList<>();
        final List<List<Integer>> epsilon = new ArrayList<>();

        private int state(byte k, char c) {
            int s = kind.size();
            kind.add(k);
            literal.add(c);
            target.add(s);
            epsilon.add(new ArrayList<>());
            return s;
        }

        /** Exactly one character. */
        void consume(byte k, char c) {
            int s = state(k, c);
            target.set(s, s + 1);
        }

        /** Zero or more characters: a loop, left without reading. */
        void repeat(byte k) {
            int s = state(k, '\0');
            epsilon.get(s).add(s + 1);
        }

        void separators(Ending ending) {
            if (ending == Ending.REQUIRED) {
                consume(SEPARATOR, '\0');
            }
            if (ending != Ending.NONE) {
                repeat(SEPARATOR);
            }
        }

        /** {@code (?:[^/\\]*?SEPARATORS)*?}: Better Auth's globstar, any number of segments each with its ending. */
        void anySegments(Ending ending) {
            int entry = state(NONE, '\0');
            epsilon.get(entry).add(entry + 1);
            repeat(SEGMENT_CHAR);
            separators(ending);
            int again = state(NONE, '\0');
            epsilon.get(again).add(entry);
            epsilon.get(entry).add(again + 1);
        }

        WildcardPattern build() {
            state(NONE, '\0');
            return new WildcardPattern(this);
        }
    }
}
