package dev.recsuite.proposed.testing;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/** A copy of a config record with some components replaced, by component name (tests only). */
public final class RecordCopy {
  private RecordCopy() {}

  /** @param changes alternating component names and values */
  @SuppressWarnings("unchecked")
  public static <R extends Record> R with(R record, Object... changes) {
    Map<String, Object> set = new HashMap<>();
    for (int k = 0; k < changes.length; k += 2) {
      set.put((String) changes[k], changes[k + 1]);
    }
    try {
      RecordComponent[] comps = record.getClass().getRecordComponents();
      Class<?>[] types = new Class<?>[comps.length];
      Object[] args = new Object[comps.length];
      for (int i = 0; i < comps.length; i++) {
        types[i] = comps[i].getType();
        args[i] = set.containsKey(comps[i].getName()) ? set.remove(comps[i].getName()) : comps[i].getAccessor().invoke(record);
      }
      if (!set.isEmpty()) {
        throw new IllegalArgumentException("no such components: " + set.keySet());
      }
      return (R) record.getClass().getDeclaredConstructor(types).newInstance(args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
