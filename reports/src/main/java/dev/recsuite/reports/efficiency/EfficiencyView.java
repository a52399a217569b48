package dev.recsuite.reports.efficiency;

import dev.recsuite.reports.export.ExportTable;
import java.util.List;

/**
 * The suite's time, size and memory beside every efficiency figure a paper prints (Wave-DGARec Table 3, the
 * SD-MTMP and USERec prose numbers), one block per paper with its hardware.
 *
 * @param suiteMachines the machines the shown runs ran on
 */
public record EfficiencyView(List<Block> blocks, List<String> suiteMachines, ExportTable export) {

  public record Block(String paper, String hardware, List<Row> rows) {}

  /**
   * One model on one dataset under one protocol. Paper columns hold the printed values (with units); suite columns
   * the means over seeds ("not run" where nothing ran).
   *
   * @param suiteTime median s/epoch, mean over seeds, with the range of per-epoch times over all seeds
   */
  public record Row(String dataset, String suiteDataset, String model, String protocol, String paperTime,
      String suiteTime, String paperParams, String suiteParams, String paperMemory, String suiteHeap,
      String suiteRss, String suiteEval, boolean run) {}
}
