package dev.recsuite.suite.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java WordPiece tokenizer against tokenizations printed by the Hugging Face tokenizers. */
class WordPieceTokenizerTest {
  private static WordPieceTokenizer tok;

  @BeforeAll
  static void load() {
    tok = MiniLmEncoder.tokenizer();
  }

  /**
   * huggingface/tokenizers docs, quicktour (BertWordPieceTokenizer("bert-base-uncased-vocab.txt", lowercase=True)
   * .encode("Hello, y'all! How are you 😁 ?")): tokens and ids as printed there. all-MiniLM-L6-v2 uses the same
   * 30,522-entry uncased vocabulary.
   */
  @Test
  void matchesTheHuggingFaceQuicktourExample() {
    String text = "Hello, y'all! How are you 😁 ?";
    assertEquals(List.of("hello", ",", "y", "'", "all", "!", "how", "are", "you", "[UNK]", "?"), tok.tokenize(text));
    assertArrayEquals(new int[] {101, 7592, 1010, 1061, 1005, 2035, 999, 2129, 2024, 2017, 100, 1029, 102},
        tok.encode(text, 256));
  }

  /** Accents, curly quotes, CJK, symbols, emoji, ligatures, over-long words: ids from transformers.js (see the file). */
  @Test
  void matchesTransformersJsOnTrickyText() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> lines;
    try (var in = WordPieceTokenizerTest.class.getResourceAsStream("/kat/wordpiece_transformersjs.tsv")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
    }
    assertEquals(13, lines.size());
    for (String line : lines) {
      String[] f = line.split("\t");
      String text = json.readValue(f[0], String.class);
      int[] expected = Arrays.stream(f[1].split(" ")).mapToInt(Integer::parseInt).toArray();
      assertArrayEquals(expected, tok.encode(text, 100_000), text);
    }
  }

  @Test
  void lowerCasesPerCharacterLikeTheRustTokenizers() {
    assertEquals("οδοσ", WordPieceTokenizer.normalize("ΟΔΟΣ"), "no final-sigma rule");
  }

  @Test
  void stripsAccentsLowerCasesAndSplitsPunctuation() {
    assertEquals(WordPieceTokenizer.normalize("cafe"), WordPieceTokenizer.normalize("Café"));
    assertEquals(List.of("don", "'", "t", "-", "stop"), WordPieceTokenizer.preTokenize("don't -stop"));
    assertEquals(List.of("a", "$", "5", "+", "b"), WordPieceTokenizer.preTokenize("a$5+b"), "ASCII symbols count as punctuation");
  }

  @Test
  void spacesCjkIdeographsAndDropsControlCharacters() {
    assertEquals(" 中  国 ", WordPieceTokenizer.normalize("中国"));
    assertEquals("a b", WordPieceTokenizer.normalize("a\u0000\u200B\tb"), "NUL and the Cf zero-width space go");
    assertEquals("a b", WordPieceTokenizer.normalize("a\tb"));
  }

  @Test
  void splitsUnknownWordsIntoPiecesAndLongWordsIntoUnk() {
    List<String> pieces = tok.tokenize("unaffable");
    assertEquals("unaffable", String.join("", pieces).replace("##", ""));
    assertEquals(List.of("[UNK]"), tok.tokenize("a".repeat(101)), "longer than max_input_chars_per_word = 100");
  }

  @Test
  void encodeTruncatesToMaxTokensIncludingSpecialTokens() {
    int[] ids = tok.encode("one two three four five", 4);
    assertEquals(4, ids.length);
    assertEquals(tok.clsId(), ids[0]);
    assertEquals(tok.sepId(), ids[3]);
    assertEquals(tok.encode("one two", 256)[1], ids[1]);
    assertEquals(tok.encode("one two", 256)[2], ids[2]);
  }
}
