package dev.recsuite.reports.html;

import dev.recsuite.reports.ReportView;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders a {@link ReportView} with the FreeMarker templates under {@code templates/} ({@code .ftlh}: every
 * value is HTML-escaped unless it is inline SVG built by {@code plot.Svg}). The templates hold layout only; every
 * number arrives formatted. The page needs no network and no JavaScript.
 */
public final class HtmlRenderer {
  private final Configuration config;

  public HtmlRenderer() {
    config = new Configuration(Configuration.VERSION_2_3_34);
    // Views are records: expose their accessors as properties (${row.system}). FreeMarker recognises records only
    // through its Java 16 multi-release classes, which a shaded jar without "Multi-Release: true" loses, so the
    // policy is set for every class rather than left to record detection.
    DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
    ZeroArgumentNonVoidMethodPolicy accessors =
        ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD;
    wrapper.setDefaultZeroArgumentNonVoidMethodPolicy(accessors);
    wrapper.setRecordZeroArgumentNonVoidMethodPolicy(accessors); // must equal the default without Java 16 support
    config.setObjectWrapper(wrapper.build());
    config.setClassForTemplateLoading(HtmlRenderer.class, "/templates");
    config.setDefaultEncoding("UTF-8");
    config.setLocale(Locale.ROOT);
    config.setTimeZone(TimeZone.getTimeZone("UTC"));
    config.setNumberFormat("computer");
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setFallbackOnNullLoopVariable(false);
  }

  /** The page; {@code exportFolder} is where the CSV and LaTeX files lie, relative to the page. */
  public String render(ReportView view, String exportFolder) {
    try {
      Template t = config.getTemplate("report.ftlh");
      StringWriter out = new StringWriter();
      t.process(Map.of("r", view, "exportFolder", exportFolder), out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load templates/report.ftlh: " + e.getMessage(), e);
    } catch (TemplateException e) {
      throw new IllegalStateException("templates/report.ftlh failed: " + e.getMessage(), e);
    }
  }
}
