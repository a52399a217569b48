package dev.recsuite.suite.registry;

import dev.recsuite.baselines.bpr.BPR;
import dev.recsuite.baselines.freedom.FREEDOM;
import dev.recsuite.baselines.gru4rec.GRU4Rec;
import dev.recsuite.baselines.lightgcn.LightGCN;
import dev.recsuite.baselines.mgcn.MGCN;
import dev.recsuite.baselines.mmgcn.MMGCN;
import dev.recsuite.baselines.mostpop.MostPop;
import dev.recsuite.baselines.sasrec.SASRec;
import dev.recsuite.baselines.slmrec.SLMRec;
import dev.recsuite.baselines.vbpr.VBPR;
import dev.recsuite.protocols.api.ModelSpec;
import dev.recsuite.protocols.config.NearestName;
import dev.recsuite.proposed.wavedgarec.WaveDGARec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every model the suite can run, by the name papers use. A plain map of names to specs: a model that is
 * not finished is not listed here.
 */
public final class ModelRegistry {
  private static final Map<String, ModelSpec<?>> MODELS = new LinkedHashMap<>();

  static {
    register(MostPop.SPEC);
    register(BPR.SPEC);
    register(LightGCN.SPEC);
    register(VBPR.SPEC);
    register(MMGCN.SPEC);
    register(FREEDOM.SPEC);
    register(MGCN.SPEC);
    register(SLMRec.SPEC);
    register(SASRec.SPEC);
    register(GRU4Rec.SPEC);
    WaveDGARec.SPECS.forEach(ModelRegistry::register);
  }

  private ModelRegistry() {}

  private static void register(ModelSpec<?> spec) {
    MODELS.put(spec.name(), spec);
  }

  public static Map<String, ModelSpec<?>> all() {
    return java.util.Collections.unmodifiableMap(MODELS);
  }

  public static ModelSpec<?> get(String name) {
    ModelSpec<?> s = MODELS.get(name);
    if (s == null) {
      for (var e : MODELS.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue();
        }
      }
      throw new IllegalArgumentException("unknown model '" + name + "'" + NearestName.hint(name, MODELS.keySet())
          + " (registered: " + String.join(", ", MODELS.keySet()) + ")");
    }
    return s;
  }
}
