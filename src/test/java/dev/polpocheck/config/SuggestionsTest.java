package dev.polpocheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Protects the "did you mean" hints users see for misspelled keys, enum values and model ids: the
 * right tier wins, ties are capped and deterministic, and unrelated words get no hint.
 */
class SuggestionsTest {

  @ParameterizedTest(name = "{0} -> {1} = {2}")
  @CsvSource({
    // hand counts: kitten->sitting = k/s, e/i, +g
    "kitten, sitting, 3",
    // unrestricted Damerau-Levenshtein: ca -> ac (transpose) -> abc (insert); OSA would say 3
    "ca, abc, 2",
    "loglevle, loglevel, 1",
    "abc, abc, 0",
    "'', abc, 3",
    "stroage, storage, 1",
    "stroage, stage, 2",
  })
  void distance_handCountedPairs_match(String a, String b, int expected) {
    assertEquals(expected, Suggestions.distance(a, b));
  }

  @Test
  void rank_caseOnlyDifference_winsOverCloserEditDistance() {
    assertEquals(List.of("logLevel"), Suggestions.rank("LOGLEVEL", List.of("storage", "logLevel")));
  }

  @Test
  void rank_separatorStyleDifference_matches() {
    assertEquals(List.of("apiKey"), Suggestions.rank("api_key", List.of("baseUrl", "apiKey")));
    assertEquals(List.of("apiKey"), Suggestions.rank("api-key", List.of("baseUrl", "apiKey")));
  }

  @Test
  void rank_dottedModelId_suggestsHyphenatedId() {
    assertEquals(
        List.of("claude-sonnet-4-5"),
        Suggestions.rank("claude-sonnet-4.5", List.of("claude-opus-4-5", "claude-sonnet-4-5")));
  }

  @Test
  void rank_transposedLetters_suggestsClosest() {
    assertEquals(List.of("storage"), Suggestions.rank("stroage", List.of("stage", "storage")));
  }

  @Test
  void rank_manyTiedCandidates_returnsThreeInSortedOrderWhateverTheInputOrder() {
    List<String> expected = List.of("bat", "hat", "mat");
    assertEquals(expected, Suggestions.rank("cat", List.of("rat", "mat", "hat", "bat")));
    assertEquals(expected, Suggestions.rank("cat", List.of("bat", "hat", "rat", "mat")));
  }

  @Test
  void rank_unrelatedWord_suggestsNothing() {
    assertEquals(List.of(), Suggestions.rank("xyz", List.of("storage", "logLevel")));
  }

  @Test
  void rank_shortInputWhollyDifferent_suggestsNothing() {
    // "ab" -> "cd" is 2 edits, within the absolute limit of 2, but nothing of the input survives.
    assertEquals(List.of(), Suggestions.rank("ab", List.of("cd")));
  }

  @Test
  void rank_longKeyWithSeveralEdits_usesThirdOfLengthLimit() {
    // 19 characters -> limit floor(19/3) = 6; "tionModels" vs "torModel" needs 4 edits.
    assertEquals(
        List.of("orchestratorModel"),
        Suggestions.rank("orchestrationModels", List.of("orchestratorModel", "imageModel")));
  }

  @Test
  void rank_emptyInputOrNoCandidates_suggestsNothing() {
    assertEquals(List.of(), Suggestions.rank("", List.of("a")));
    assertEquals(List.of(), Suggestions.rank("abc", List.of()));
  }

  @Test
  void didYouMean_oneOrSeveralOrNone_formatsHelpPhrase() {
    assertEquals(
        "did you mean \"storage\"?", Suggestions.didYouMean("stroage", List.of("storage")));
    assertEquals(
        "did you mean one of \"bat\", \"hat\"?",
        Suggestions.didYouMean("cat", List.of("hat", "bat")));
    assertEquals("", Suggestions.didYouMean("zzz", List.of("storage")));
  }
}
