package dev.recsuite.suite.features;

import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.lock.LockedFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code text_feat.npy}: each item's sentence ({@link ItemSentence}) embedded by {@link MiniLmEncoder}. */
public final class TextFeatures {
  public static final String FILE = "text_feat.npy";

  private TextFeatures() {}

  /** @param itemOfRow internal item id of each file row */
  public static ComputedFeature compute(Dataset d, int[] itemOfRow, ItemSentence recipe, MiniLmEncoder encoder) {
    List<String> sentences = new ArrayList<>(itemOfRow.length);
    int emptyDescription = 0;
    for (int item : itemOfRow) {
      sentences.add(recipe.of(d.itemText(), item));
      if (recipe.fields().size() > 2 && d.itemText().get(recipe.fields().get(2))[item].isBlank()) {
        emptyDescription++;
      }
    }
    MiniLmEncoder.Encoded e = encoder.encode(sentences);
    int limit = encoder.config().maxTokens() - 2;
    int truncated = 0;
    int longest = 0;
    for (int p : e.pieces()) {
      truncated += p > limit ? 1 : 0;
      longest = Math.max(longest, p);
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("sentence", recipe.key());
    params.put("max_tokens", encoder.config().maxTokens());
    params.put("truncation", "right, to max_tokens including [CLS] and [SEP] (sentence-transformers max_seq_length)");
    params.put("pooling", "mean over tokens with the attention mask");
    params.put("normalize", "l2");
    params.put("batch_size", encoder.config().batchSize());
    List<String> notes = List.of(
        String.format(Locale.ROOT, "%d items, %d x %d", itemOfRow.length, e.vectors().rows(), e.vectors().cols()),
        String.format(Locale.ROOT, "%d texts longer than %d word pieces were truncated (longest: %d pieces)", truncated,
            limit, longest),
        String.format(Locale.ROOT, "%d items have no description (sentence = title + genres)", emptyDescription));
    LockedFeature.Missing missing = emptyDescription == 0 ? null : new LockedFeature.Missing(emptyDescription,
        "no " + recipe.fields().get(2) + ": the field is read as one space (MMRec's fillna(\" \")), the rest is embedded");
    return new ComputedFeature("text", FILE, e.vectors(), MiniLmEncoder.identity(), recipe.fields(), params, missing, notes);
  }
}
