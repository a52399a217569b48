package dev.recsuite.suite.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The uncased BERT tokenizer that all-MiniLM-L6-v2 uses, read from its Hugging Face {@code tokenizer.json}
 * (BertNormalizer, BertPreTokenizer, WordPiece), written out so the suite needs no native tokenizer library.
 * It follows huggingface/tokenizers {@code normalizers/bert.rs}, {@code pre_tokenizers/bert.rs} and
 * {@code models/wordpiece}:
 * <ol>
 *   <li>clean text: drop NUL, U+FFFD and "other" characters (Cc, Cf, Cs, Co, Cn) except tab, newline, return;
 *       map white space to a space;
 *   <li>put spaces around CJK ideographs;
 *   <li>strip accents (NFD, drop Mn marks) and lower-case, since the model is uncased;
 *   <li>split on white space, and split off every punctuation character (ASCII punctuation, Unicode P*);
 *   <li>WordPiece: greedy longest match with the {@code ##} continuation prefix; a word longer than
 *       {@code max_input_chars_per_word} characters, or with no match, becomes {@code [UNK]}.
 * </ol>
 * The known-answer tests compare it with tokenizations printed by the Hugging Face tokenizers.
 */
public final class WordPieceTokenizer {
  private final Map<String, Integer> vocab;
  private final int unkId;
  private final int clsId;
  private final int sepId;
  private final int padId;
  private final int maxCharsPerWord;
  private final String prefix;

  private WordPieceTokenizer(Map<String, Integer> vocab, int maxCharsPerWord, String prefix) {
    this.vocab = vocab;
    this.maxCharsPerWord = maxCharsPerWord;
    this.prefix = prefix;
    this.unkId = require("[UNK]");
    this.clsId = require("[CLS]");
    this.sepId = require("[SEP]");
    this.padId = require("[PAD]");
  }

  /** Reads a {@code tokenizer.json} whose model is WordPiece with a lower-casing BertNormalizer. */
  public static WordPieceTokenizer read(InputStream tokenizerJson) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(tokenizerJson);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tokenizer.json: " + e.getMessage(), e);
    }
    JsonNode model = root.path("model");
    JsonNode norm = root.path("normalizer");
    if (!"WordPiece".equals(model.path("type").asText()) || !"BertNormalizer".equals(norm.path("type").asText())
        || !norm.path("lowercase").asBoolean(false) || !"BertPreTokenizer".equals(root.path("pre_tokenizer").path("type").asText())) {
      throw new IllegalArgumentException("tokenizer.json: expected a WordPiece model with a lower-casing BertNormalizer"
          + " and BertPreTokenizer (uncased BERT), got model " + model.path("type") + ", normalizer " + norm.path("type"));
    }
    Map<String, Integer> vocab = new HashMap<>();
    model.path("vocab").fields().forEachRemaining(e -> vocab.put(e.getKey(), e.getValue().asInt()));
    return new WordPieceTokenizer(vocab, model.path("max_input_chars_per_word").asInt(100),
        model.path("continuing_subword_prefix").asText("##"));
  }

  private int require(String token) {
    Integer id = vocab.get(token);
    if (id == null) {
      throw new IllegalArgumentException("tokenizer.json: vocabulary has no " + token);
    }
    return id;
  }

  public int clsId() {
    return clsId;
  }

  public int sepId() {
    return sepId;
  }

  public int padId() {
    return padId;
  }

  /** Word pieces of a text, without [CLS]/[SEP]. */
  public List<String> tokenize(String text) {
    List<String> pieces = new ArrayList<>();
    for (String word : preTokenize(normalize(text))) {
      wordPiece(word, pieces);
    }
    return pieces;
  }

  /**
   * Model input ids: {@code [CLS] pieces [SEP]}, the pieces cut to {@code maxTokens - 2} (right truncation, as
   * the Hugging Face tokenizer does with {@code truncation=True, max_length=maxTokens}).
   */
  public int[] encode(String text, int maxTokens) {
    List<String> pieces = tokenize(text);
    int n = Math.min(pieces.size(), maxTokens - 2);
    int[] ids = new int[n + 2];
    ids[0] = clsId;
    for (int i = 0; i < n; i++) {
      ids[i + 1] = vocab.get(pieces.get(i));
    }
    ids[n + 1] = sepId;
    return ids;
  }

  static String normalize(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (c == 0 || c == 0xFFFD || isControl(c)) {
        return;
      }
      if (isWhitespace(c)) {
        clean.append(' ');
      } else if (isChineseChar(c)) {
        clean.append(' ').appendCodePoint(c).append(' ');
      } else {
        clean.appendCodePoint(c);
      }
    });
    String nfd = Normalizer.normalize(clean, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(nfd.length());
    // per code point, as Rust's char::to_lowercase: String.toLowerCase would apply the Greek final-sigma rule
    nfd.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
        .forEach(c -> out.appendCodePoint(Character.toLowerCase(c)));
    return out.toString();
  }

  static List<String> preTokenize(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (isWhitespace(c)) {
        flush(cur, words);
      } else if (isPunctuation(c)) {
        flush(cur, words);
        words.add(new String(Character.toChars(c)));
      } else {
        cur.appendCodePoint(c);
      }
    });
    flush(cur, words);
    return words;
  }

  private static void flush(StringBuilder cur, List<String> words) {
    if (cur.length() > 0) {
      words.add(cur.toString());
      cur.setLength(0);
    }
  }

  private void wordPiece(String word, List<String> out) {
    int[] cps = word.codePoints().toArray();
    if (cps.length > maxCharsPerWord) {
      out.add("[UNK]");
      return;
    }
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (start < cps.length) {
      String match = null;
      int end = cps.length;
      for (; end > start; end--) {
        String sub = new String(cps, start, end - start);
        if (start > 0) {
          sub = prefix + sub;
        }
        if (vocab.containsKey(sub)) {
          match = sub;
          break;
        }
      }
      if (match == null) {
        out.add("[UNK]");
        return;
      }
      pieces.add(match);
      start = end;
    }
    out.addAll(pieces);
  }

  /** Rust's {@code char::is_whitespace} (Unicode White_Space), plus tab, newline and return. */
  static boolean isWhitespace(int c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
        || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
  }

  /** "Other" characters (Cc, Cf, Cs, Co, Cn) except tab, newline and return. */
  static boolean isControl(int c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    int t = Character.getType(c);
    return t == Character.CONTROL || t == Character.FORMAT || t == Character.SURROGATE || t == Character.PRIVATE_USE
        || t == Character.UNASSIGNED;
  }

  /** ASCII punctuation (which includes symbols such as $ and +) or a Unicode punctuation category. */
  static boolean isPunctuation(int c) {
    if (c < 128) {
      return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
    }
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> true;
      default -> false;
    };
  }

  static boolean isChineseChar(int c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
        || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
  }
}
