package dev.recsuite.reports.plot;

/** A plot ready to inline: its caption and its SVG markup (already escaped and well-formed). */
public record PlotView(String title, String caption, String svg) {}
