package io.contactledger.query.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The words of a search a trigram index can look up, and which of them to look up. A trigram
 * index intersects the posting lists of every trigram in a pattern, so a search for
 * "person 4321" over a million contacts named "person …" reads the million-entry lists of
 * "person"'s trigrams to find the few rows of "4321". Looking up only the rarest word, and
 * checking the whole search on the rows found, reads the short lists alone.
 */
final class SearchWords {

    /** Shorter runs have no trigram of their own: an index cannot narrow by them. */
    static final int SHORTEST_INDEXED = 3;

    private SearchWords() {
    }

    /** The runs of letters and digits in a (lower-cased) search, as a trigram index splits text into words. */
    static List<String> of(String search) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= search.length(); i++) {
            boolean inWord = i < search.length() && Character.isLetterOrDigit(search.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                if (i - start >= SHORTEST_INDEXED) {
                    words.add(search.substring(start, i));
                }
                start = -1;
            }
        }
        return words;
    }

    /**
     * The word to look up in the index: the one found in the fewest sampled rows, the longest of
     * those (more trigrams, fewer rows). Empty when the search has no indexable word, or when it
     * is a single word and nothing is gained by choosing.
     */
    static Optional<String> rarest(String search, ToIntFunction<String> rowsContaining) {
        List<String> words = of(search);
        if (words.isEmpty() || words.size() == 1 && words.get(0).equals(search)) {
            return Optional.empty();
        }
        // each word counted once: a count reads the whole sample
        Map<String, Integer> rows = new HashMap<>();
        words.forEach(word -> rows.computeIfAbsent(word, rowsContaining::applyAsInt));
        return words.stream()
                .min(Comparator.<String>comparingInt(rows::get)
                        .thenComparing(Comparator.comparingInt(String::length).reversed()));
    }
}
