package dev.recsuite.suite.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemSentenceTest {
  private final Map<String, String[]> text = Map.of(
      "title", new String[] {"Toy Story (1995)", "Nameless"},
      "genres", new String[] {"Animation|Children's|Comedy", "Drama"},
      "imdb_description", new String[] {"A cowboy doll\nis jealous.", ""});

  /** MMRec: title + " " + each category + " " + description; a missing field is " ", newlines become spaces. */
  @Test
  void buildsMmrecStyleSentences() {
    assertEquals("Toy Story (1995) Animation Children's Comedy A cowboy doll is jealous.",
        ItemSentence.TITLE_GENRES_DESCRIPTION.of(text, 0));
    assertEquals("Nameless Drama  ", ItemSentence.TITLE_GENRES_DESCRIPTION.of(text, 1));
    assertEquals("Toy Story (1995) ", ItemSentence.TITLE.of(text, 0));
  }

  @Test
  void unknownRecipesAndColumnsAreNamed() {
    assertEquals(ItemSentence.TITLE_GENRES, ItemSentence.parse("title_genres"));
    assertThrows(IllegalArgumentException.class, () -> ItemSentence.parse("title_brand"));
    assertThrows(IllegalArgumentException.class, () -> ItemSentence.TITLE.of(Map.of(), 0));
  }
}
