package io.costlens.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.time.Hour;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.ImgTemplate;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

import org.springframework.stereotype.Component;

import io.costlens.pricing.Price;
import io.costlens.pricing.Pricing;
import io.costlens.reports.Report.Section;
import io.costlens.scenarios.Granularity;
import io.costlens.scenarios.Scenario;
import io.costlens.scenarios.ScenarioMetrics;
import io.costlens.scenarios.Scenarios;
import io.costlens.scenarios.StoredLog;

/**
 * PDF reports (OpenPDF, A4): a title block (scenario, region, period, when it was made,
 * the prices used), the summary, the cost breakdown, a vector chart of the hourly time
 * series (JFreeChart drawn on the PDF's own graphics) and the first logs with their
 * masked previews. All numbers come from one metrics computation, the endpoint's.
 */
@Component
class PdfReport {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	/** Logs come seconds apart: their table shows the seconds. */
	private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final Color INK = new Color(0x1f, 0x29, 0x33);

	private static final Color MUTED = new Color(0x61, 0x6e, 0x7c);

	private static final Color RULE = new Color(0xd9, 0xde, 0xe3);

	private static final Color SHADE = new Color(0xf3, 0xf5, 0xf7);

	private static final Color REQUESTS = new Color(0x1f, 0x6f, 0xeb);

	private static final Color COST = new Color(0xd9, 0x48, 0x1c);

	private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18, INK);

	private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12, INK);

	private static final Font LABEL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9, INK);

	private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9, INK);

	private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7.5f, INK);

	private static final Font SMALL_BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7.5f, INK);

	private static final Font NOTE = FontFactory.getFont(FontFactory.HELVETICA, 8, MUTED);

	private static final int PREVIEW_CHARS = 240;

	private static final float CHART_HEIGHT = 250;

	private final Scenarios scenarios;

	private final Pricing prices;

	private final ReportsProperties properties;

	PdfReport(Scenarios scenarios, Pricing prices, ReportsProperties properties) {
		this.scenarios = scenarios;
		this.prices = prices;
		this.properties = properties;
	}

	void write(Report report, Scenario scenario, OutputStream out) throws IOException {
		ScenarioMetrics result = this.scenarios.metrics(scenario.id(), Granularity.HOUR, null, null);
		Document document = new Document(PageSize.A4, 40, 40, 40, 48);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		// keep the chart where it belongs even when it moves to the next page
		writer.setStrictImageSequence(true);
		writer.setPageEvent(new Footer(scenario.name()));
		document.addTitle("Costlens report: " + scenario.name());
		document.addCreator("Costlens");
		document.open();
		titleBlock(document, report, scenario, result);
		if (report.sections().contains(Section.SUMMARY)) {
			summary(document, result);
		}
		if (report.sections().contains(Section.COSTS)) {
			costs(document, result);
		}
		if (report.sections().contains(Section.TIMESERIES)) {
			chart(document, writer, result);
		}
		if (report.sections().contains(Section.LOGS)) {
			logs(document, scenario);
		}
		if (!result.warnings().isEmpty()) {
			document.add(heading("Warnings"));
			for (String warning : result.warnings()) {
				document.add(new Paragraph(warning, NOTE));
			}
		}
		document.close();
	}

	private void titleBlock(Document document, Report report, Scenario scenario, ScenarioMetrics result) {
		Paragraph title = new Paragraph("Scenario report: " + scenario.name(), TITLE);
		title.setSpacingAfter(10);
		document.add(title);
		PdfPTable table = table(new float[] { 1.2f, 4.8f });
		row(table, "Scenario", scenario.name() + " (" + scenario.status().name().toLowerCase(Locale.ROOT) + ")");
		row(table, "Scenario id", scenario.id().toString());
		row(table, "Region", scenario.region());
		row(table, "Period", period(result));
		row(table, "Generated", TIME.format(Instant.now()) + " (report " + report.id() + ")");
		row(table, "Cost model",
				"Lambda: " + scenario.costModel().lambdaBatchSize() + " logs per invocation, "
						+ scenario.costModel().lambdaMemoryMb() + " MB, " + scenario.costModel().lambdaDurationMs()
						+ " ms; Bedrock: " + scenario.costModel().bedrockModel() + ", output tokens per input token "
						+ scenario.costModel().outputTokensRatio().stripTrailingZeros().toPlainString());
		row(table, "Prices", "The catalog prices in force in each hour, region " + scenario.region()
				+ " (table below); amounts rounded half-even");
		document.add(table);
		pricesUsed(document, scenario, result);
	}

	private void pricesUsed(Document document, Scenario scenario, ScenarioMetrics result) {
		if (result.series().isEmpty()) {
			return;
		}
		Instant from = result.series().get(0).start();
		Instant to = result.series().get(result.series().size() - 1).start().plus(1, ChronoUnit.HOURS);
		String model = scenario.costModel().bedrockModel();
		List<String> tiers = List.of("sqs/standard", "lambda/x86_request", "lambda/x86_compute",
				"bedrock/" + model + "_input", "bedrock/" + model + "_output");
		PdfPTable table = table(new float[] { 2.9f, 1.2f, 1.5f, 1.5f, 3.9f });
		header(table, "Price", "USD", "Unit", "In force from", "Source");
		for (Price price : this.prices.list(null, scenario.region(), true)) {
			boolean used = tiers.contains(price.service() + "/" + price.tier());
			boolean overlaps = price.effectiveFrom().isBefore(to)
					&& (price.effectiveTo() == null || price.effectiveTo().isAfter(from));
			if (used && overlaps) {
				cells(table, SMALL, price.service() + "/" + price.tier(),
						price.pricePerUnit().stripTrailingZeros().toPlainString(), unit(price.unit()),
						TIME.format(price.effectiveFrom()), shorten(price.source(), 110));
			}
		}
		table.setSpacingBefore(6);
		document.add(table);
	}

	private void summary(Document document, ScenarioMetrics result) {
		document.add(heading("Summary"));
		ScenarioMetrics.Summary s = result.summary();
		NumberFormat count = NumberFormat.getIntegerInstance(Locale.US);
		PdfPTable table = table(new float[] { 3, 2, 3, 2 });
		pair(table, "Requests (logs)", count.format(s.totalRequests()), "Total cost", Money.readable(s.totalCost()));
		pair(table, "SQS blocks", count.format(s.sqsBlocks()), "Lambda invocations",
				count.format(s.lambdaInvocations()));
		pair(table, "LLM input tokens", count.format(s.llmTokens()), "LLM output tokens",
				count.format(s.llmOutputTokens().setScale(0, RoundingMode.HALF_EVEN)));
		pair(table, "Logs with PII", count.format(s.piiViolations()), "Payload", bytes(s.totalBytes()));
		document.add(table);
	}

	private void costs(Document document, ScenarioMetrics result) {
		document.add(heading("Cost breakdown"));
		BigDecimal total = result.summary().totalCost();
		PdfPTable table = table(new float[] { 3, 2, 1.2f });
		header(table, "Service", "Cost (USD)", "Share");
		for (ScenarioMetrics.ServiceCost cost : result.costs()) {
			cells(table, BODY, cost.service(), Money.readable(cost.cost()), share(cost.cost(), total));
		}
		PdfPCell label = cell("Total", LABEL);
		table.addCell(label);
		PdfPCell value = cell(Money.readable(total), LABEL);
		value.setHorizontalAlignment(Element.ALIGN_RIGHT);
		table.addCell(value);
		PdfPCell all = cell("100 %", LABEL);
		all.setHorizontalAlignment(Element.ALIGN_RIGHT);
		table.addCell(all);
		document.add(table);
		document
			.add(new Paragraph("Exact amounts (10 decimal places) are in the CSV report and the metrics API.", NOTE));
	}

	private void chart(Document document, PdfWriter writer, ScenarioMetrics result) {
		if (writer.getVerticalPosition(true) - document.bottom() < CHART_HEIGHT + 60) {
			// the heading goes to the next page with its chart
			document.newPage();
		}
		document.add(heading("Time series (hourly)"));
		if (result.series().isEmpty()) {
			document.add(new Paragraph("No logs yet.", BODY));
			return;
		}
		TimeSeries requests = new TimeSeries("Requests per hour");
		TimeSeries cost = new TimeSeries("Cost per hour (USD)");
		for (ScenarioMetrics.Bucket bucket : result.series()) {
			Hour hour = new Hour(Date.from(bucket.start()), TimeZone.getTimeZone("UTC"), Locale.US);
			requests.add(hour, bucket.requests());
			cost.add(hour, bucket.cost());
		}
		DateAxis time = new DateAxis("Hour (UTC)");
		time.setTimeZone(TimeZone.getTimeZone("UTC"));
		SimpleDateFormat format = new SimpleDateFormat((result.series().size() > 48) ? "MMM d" : "MMM d HH:mm",
				Locale.US);
		format.setTimeZone(TimeZone.getTimeZone("UTC"));
		time.setDateFormatOverride(format);
		NumberAxis requestAxis = new NumberAxis("Requests");
		NumberAxis costAxis = new NumberAxis("USD");
		costAxis.setStandardTickUnits(moneyTicks());
		XYPlot plot = new XYPlot(new TimeSeriesCollection(requests), time, requestAxis,
				line(REQUESTS, result.series().size() <= 48));
		plot.setRangeAxis(1, costAxis);
		plot.setDataset(1, new TimeSeriesCollection(cost));
		plot.setRenderer(1, line(COST, result.series().size() <= 48));
		plot.mapDatasetToRangeAxis(1, 1);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setDomainGridlinePaint(RULE);
		plot.setRangeGridlinePaint(RULE);
		for (var axis : List.of(time, requestAxis, costAxis)) {
			axis.setLabelFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 9));
			axis.setTickLabelFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 8));
		}
		JFreeChart chart = new JFreeChart(null, null, plot, true);
		chart.setBackgroundPaint(Color.WHITE);
		LegendTitle legend = chart.getLegend();
		legend.setPosition(RectangleEdge.TOP);
		legend.setItemFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 8));
		float width = document.right() - document.left();
		float height = CHART_HEIGHT;
		PdfContentByte canvas = writer.getDirectContent();
		PdfTemplate template = canvas.createTemplate(width, height);
		Graphics2D graphics = template.createGraphics(width, height);
		chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
		graphics.dispose();
		ImgTemplate image = new ImgTemplate(template);
		image.setAlignment(Element.ALIGN_CENTER);
		document.add(image);
	}

	private void logs(Document document, Scenario scenario) {
		int limit = this.properties.pdfLogs();
		document.add(heading("First " + limit + " logs (PII masked)"));
		List<StoredLog> first = this.scenarios.firstLogs(scenario.id(), limit);
		if (first.isEmpty()) {
			document.add(new Paragraph("No logs yet.", BODY));
			return;
		}
		if (scenario.totalRequests() > first.size()) {
			// above the table: below it, the note can end up alone on a page of its own
			NumberFormat count = NumberFormat.getIntegerInstance(Locale.US);
			Paragraph note = new Paragraph(
					"The first " + count.format(first.size()) + " of " + count.format(scenario.totalRequests())
							+ " logs; the CSV report with \"granularity\": \"log\" lists them all.",
					NOTE);
			note.setSpacingAfter(4);
			document.add(note);
		}
		PdfPTable table = table(new float[] { 2.2f, 1.3f, 0.8f, 1.4f, 5.3f });
		table.setHeaderRows(1);
		header(table, "Received", "Source", "Tokens", "PII", "Preview");
		for (StoredLog log : first) {
			cells(table, SMALL, LOG_TIME.format(log.receivedAt()), shorten(log.source(), 40),
					Integer.toString(log.tokenCount()),
					log.piiTypes().isEmpty() ? "-" : String.join(", ", log.piiTypes()),
					shorten(log.messagePreview(), PREVIEW_CHARS));
		}
		document.add(table);
	}

	/**
	 * Tick sizes for the cost axis, each labelled as money with as many decimals as its
	 * size needs: whole dollars ($5, $10), else at least cents ($0.05, $0.10, not $0.1;
	 * $0.0025 for tiny costs).
	 */
	static TickUnits moneyTicks() {
		TickUnits units = new TickUnits();
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.US);
		for (int exponent = -8; exponent <= 9; exponent++) {
			for (String mantissa : new String[] { "1", "2", "2.5", "5" }) {
				BigDecimal size = new BigDecimal(mantissa).scaleByPowerOfTen(exponent);
				int scale = size.stripTrailingZeros().scale();
				String pattern = (scale <= 0) ? "$#,##0" : "$#,##0." + "0".repeat(Math.max(2, scale));
				units.add(new NumberTickUnit(size.doubleValue(), new DecimalFormat(pattern, symbols)));
			}
		}
		return units;
	}

	private static XYLineAndShapeRenderer line(Color color, boolean markers) {
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, markers);
		renderer.setSeriesPaint(0, color);
		renderer.setSeriesStroke(0, new BasicStroke(1.2f));
		return renderer;
	}

	private static String period(ScenarioMetrics result) {
		if (result.series().isEmpty()) {
			return "no logs yet";
		}
		Instant first = result.series().get(0).start();
		Instant end = result.series().get(result.series().size() - 1).start().plus(1, ChronoUnit.HOURS);
		return TIME.format(first) + " to " + TIME.format(end) + " (" + result.series().size() + " hours with logs)";
	}

	private static String share(@org.jspecify.annotations.Nullable BigDecimal part, BigDecimal total) {
		if (part == null || total.signum() == 0) {
			return "-";
		}
		BigDecimal percent = part.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_EVEN);
		if (percent.signum() == 0 && part.signum() > 0) {
			// a cost that is there, however small, is not "0.0 %"
			return "< 0.1 %";
		}
		return percent.toPlainString() + " %";
	}

	private static String unit(String unit) {
		return switch (unit) {
			case "per_million_requests" -> "per 1M requests";
			case "per_gb_second" -> "per GB-second";
			case "per_1k_tokens" -> "per 1K tokens";
			default -> unit.replace('_', ' ');
		};
	}

	private static String bytes(long bytes) {
		NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
		format.setMaximumFractionDigits(1);
		if (bytes < 1024) {
			return format.format(bytes) + " bytes";
		}
		if (bytes < 1024 * 1024) {
			return format.format(bytes / 1024.0) + " KiB";
		}
		return format.format(bytes / (1024.0 * 1024.0)) + " MiB";
	}

	private static String shorten(String text, int max) {
		String flat = text.replaceAll("\\s+", " ").trim();
		return (flat.length() <= max) ? flat : flat.substring(0, max - 1) + "…";
	}

	private static Paragraph heading(String text) {
		Paragraph heading = new Paragraph(text, HEADING);
		heading.setSpacingBefore(14);
		heading.setSpacingAfter(6);
		return heading;
	}

	private static PdfPTable table(float[] widths) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setSplitLate(false);
		return table;
	}

	private static void row(PdfPTable table, String label, String value) {
		table.addCell(cell(label, LABEL));
		table.addCell(cell(value, BODY));
	}

	private static void pair(PdfPTable table, String label, String value, String label2, String value2) {
		table.addCell(cell(label, LABEL));
		PdfPCell first = cell(value, BODY);
		first.setHorizontalAlignment(Element.ALIGN_RIGHT);
		table.addCell(first);
		table.addCell(cell(label2, LABEL));
		PdfPCell second = cell(value2, BODY);
		second.setHorizontalAlignment(Element.ALIGN_RIGHT);
		table.addCell(second);
	}

	private static void header(PdfPTable table, String... titles) {
		for (String title : titles) {
			PdfPCell cell = cell(title, SMALL_BOLD);
			cell.setBackgroundColor(SHADE);
			table.addCell(cell);
		}
	}

	private static void cells(PdfPTable table, Font font, String... values) {
		for (int i = 0; i < values.length; i++) {
			PdfPCell cell = cell(values[i], font);
			if (i > 0 && values[i].matches("[-$0-9.,% <]*[0-9][-$0-9.,% ]*|no price")) {
				cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
			}
			table.addCell(cell);
		}
	}

	private static PdfPCell cell(String text, Font font) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font));
		cell.setBorderColor(RULE);
		// the logs table's small rows sit tighter, so its 50 rows take two pages, not
		// three
		cell.setPadding((font == SMALL) ? 2.5f : 4);
		return cell;
	}

	/** "Costlens · <scenario> · page n" at the foot of every page. */
	private static final class Footer extends PdfPageEventHelper {

		private final String scenario;

		Footer(String scenario) {
			this.scenario = scenario;
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			Rectangle page = document.getPageSize();
			Phrase footer = new Phrase(
					new Chunk("Costlens report: " + this.scenario + "  ·  page " + writer.getPageNumber(), NOTE));
			org.openpdf.text.pdf.ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, footer,
					(page.getLeft() + page.getRight()) / 2, page.getBottom() + 24, 0);
		}

	}

}
