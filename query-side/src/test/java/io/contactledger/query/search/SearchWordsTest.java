package io.contactledger.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Which word of a search the trigram index looks up. */
class SearchWordsTest {

    @Test
    void wordsAreRunsOfLettersAndDigitsOfThreeOrMore() {
        assertThat(SearchWords.of("p4321@example.com")).containsExactly("p4321", "example", "com");
        assertThat(SearchWords.of("ab 12 x-y")).isEmpty();
        assertThat(SearchWords.of("  zoë  müller ")).containsExactly("zoë", "müller");
    }

    @Test
    void givenACommonAndARareWordTheRareOneIsLookedUp() {
        Map<String, Integer> rows = Map.of("person", 4_000, "4321", 0);

        assertThat(SearchWords.rarest("person 4321", rows::get)).contains("4321");
    }

    @Test
    void givenWordsEquallyRareTheLongestIsLookedUp() {
        assertThat(SearchWords.rarest("p4321@example.com", word -> 0)).contains("example");
        assertThat(SearchWords.rarest("abc abcd", word -> 3)).contains("abcd");
    }

    @Test
    void aSearchThatIsOneWordOrHasNoneIsLookedUpWhole() {
        assertThat(SearchWords.rarest("4321", word -> 0)).isEmpty();
        assertThat(SearchWords.rarest("a b", word -> 0)).isEmpty();
        assertThat(SearchWords.rarest("4321@", word -> 0)).contains("4321");
    }

    /** Looking up the chosen word can never lose a match: every text holding the search holds the word. */
    @Property
    void theWordLookedUpIsPartOfTheSearch(@ForAll @StringLength(max = 40) String search, @ForAll int seed) {
        Optional<String> word = SearchWords.rarest(search, w -> Math.floorMod(w.hashCode() ^ seed, 7));

        word.ifPresent(w -> assertThat(search).contains(w));
    }
}
