package dev.recsuite.reports.reference;

/**
 * One published number, one row of a {@code reference/*.csv} file (transcribed from the paper's text; see
 * {@code reference/README.md}). {@code value} is kept as the text of the CSV so a report prints it with the
 * paper's own precision ("2.9", "0.0382").
 *
 * @param marker "underline" where the source marks the value as second best
 * @param best the transcriber's computed best within (table, dataset, metric)
 * @param secondBest the transcriber's computed second best
 * @param source the paper's text file and line, e.g. {@code 000_337a74045a607fd5.txt:L261}
 * @param line the CSV line the row came from (1-based, header = 1)
 */
public record ReferenceValue(String file, long line, String paper, String table, String dataset, String model,
    String metric, String value, String unit, String rawText, String marker, boolean best, boolean secondBest,
    String notes, String source) {

  public double number() {
    return Double.parseDouble(value);
  }

  /** (dataset, model, metric): identifies the value within its table. */
  public Key key() {
    return new Key(dataset, model, metric);
  }

  public record Key(String dataset, String model, String metric) {}
}
