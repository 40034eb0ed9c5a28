package io.costlens.dashboard;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money, numbers, percentages and times as the page's language writes them, times in the
 * reporting zone. A missing cost reads "no price", never a zero. Templates call it as
 * {@code @formats}, or as the model attribute {@code formats}: public, so that those
 * calls compile (SpEL compiles calls on public types only, and never a bean reference's).
 */
@Component("formats")
public class Formats {

	private static final Currency USD = Currency.getInstance("USD");

	private final ZoneId zone;

	private final MessageSource messages;

	private final Map<Locale, NumberFormat[]> currencies = new ConcurrentHashMap<>();

	private final Map<Locale, NumberFormat> numbers = new ConcurrentHashMap<>();

	/** Per language and number of fraction digits (a percentage's: negative). */
	private final Map<Locale, NumberFormat[]> decimals = new ConcurrentHashMap<>();

	/** Per kind and language: built once, immutable and shared. */
	private final Map<String, DateTimeFormatter> dates = new ConcurrentHashMap<>();

	Formats(DashboardProperties properties, MessageSource messages) {
		this.zone = properties.timeZone();
		this.messages = messages;
	}

	public String money(@Nullable BigDecimal amount) {
		if (amount == null) {
			return this.messages.getMessage("money.no-price", null, locale());
		}
		boolean small = amount.abs().compareTo(BigDecimal.ONE) < 0;
		return ((NumberFormat) this.currencies.computeIfAbsent(locale(), Formats::currency)[small ? 1 : 0].clone())
			.format(amount);
	}

	/**
	 * USD as the language writes it, with 2 decimals and with up to 6 (below a dollar):
	 * formats to copy, cheaper than building one per amount.
	 */
	private static NumberFormat[] currency(Locale locale) {
		NumberFormat[] formats = new NumberFormat[2];
		for (int i = 0; i < 2; i++) {
			formats[i] = NumberFormat.getCurrencyInstance(locale);
			formats[i].setCurrency(USD);
			formats[i].setMinimumFractionDigits(2);
			formats[i].setMaximumFractionDigits((i == 1) ? 6 : 2);
		}
		return formats;
	}

	/**
	 * A USD amount another module wrote as a decimal string; {@code null} reads "no
	 * price".
	 */
	public String moneyText(@Nullable String amount) {
		return money((amount != null) ? new BigDecimal(amount) : null);
	}

	public String number(@Nullable Number value) {
		return (value != null)
				? ((NumberFormat) this.numbers.computeIfAbsent(locale(), NumberFormat::getNumberInstance).clone())
					.format(value)
				: "—";
	}

	public String decimal(@Nullable Number value, int digits) {
		if (value == null) {
			return "—";
		}
		return decimalFormat(digits).format(value);
	}

	public String percent(double ratio) {
		return decimalFormat(-1).format(ratio);
	}

	/**
	 * A copy of the language's number format with up to {@code digits} fraction digits (0
	 * to 6), or its percent format with one ({@code -1}): built once per language,
	 * cheaper to copy than to build for each number.
	 */
	private NumberFormat decimalFormat(int digits) {
		NumberFormat[] formats = this.decimals.computeIfAbsent(locale(), (locale) -> {
			NumberFormat[] built = new NumberFormat[8];
			built[0] = NumberFormat.getPercentInstance(locale);
			built[0].setMaximumFractionDigits(1);
			for (int i = 0; i <= 6; i++) {
				built[i + 1] = NumberFormat.getNumberInstance(locale);
				built[i + 1].setMaximumFractionDigits(i);
				built[i + 1].setMinimumFractionDigits(0);
			}
			return built;
		});
		if (digits >= -1 && digits + 1 < formats.length) {
			return (NumberFormat) formats[digits + 1].clone();
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale());
		format.setMaximumFractionDigits(digits);
		format.setMinimumFractionDigits(0);
		return format;
	}

	public String dateTime(@Nullable Instant moment) {
		return (moment != null) ? date("date-time",
				(locale) -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
					.withLocale(locale)
					.withZone(this.zone))
			.format(moment) : "—";
	}

	/** A calendar day (a UTC day of another module) as the language writes it. */
	public String day(java.time.LocalDate day) {
		return date("day", (locale) -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale))
			.format(day);
	}

	/** A bucket's label: its date, or its date and hour. */
	public String bucket(Instant start, String bucket) {
		return ("hour".equals(bucket) ? date("bucket-hour",
				(locale) -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
					.withLocale(locale)
					.withZone(this.zone))
				: zonedDay())
			.format(start);
	}

	/**
	 * A chart axis label: short, the day without its year, with the hour for hourly
	 * buckets.
	 */
	public String axis(Instant start, String bucket) {
		boolean hourly = "hour".equals(bucket);
		return date(hourly ? "axis-hour" : "axis-day", (locale) -> {
			boolean italian = "it".equals(locale.getLanguage());
			String pattern = hourly ? (italian ? "d MMM HH:mm" : "MMM d, HH:mm") : (italian ? "d MMM" : "MMM d");
			return DateTimeFormatter.ofPattern(pattern, locale).withZone(this.zone);
		}).format(start);
	}

	/** A month ({@code 2026-12}) as the language writes it. */
	public String month(String month) {
		return date("month", (locale) -> DateTimeFormatter.ofPattern("LLLL yyyy", locale))
			.format(java.time.YearMonth.parse(month));
	}

	/** A range as people say it: its first and last day, or its first and last hour. */
	public String period(Range range) {
		if ("day".equals(range.bucket())) {
			DateTimeFormatter days = zonedDay();
			return days.format(range.from()) + " – " + days.format(range.to().minusSeconds(1));
		}
		DateTimeFormatter hours = date("period-hour",
				(locale) -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.withLocale(locale)
					.withZone(this.zone));
		return hours.format(range.from()) + " – " + hours.format(range.to());
	}

	/** The day of an instant in the reporting zone, as the language writes it. */
	private DateTimeFormatter zonedDay() {
		return date("zoned-day",
				(locale) -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
					.withLocale(locale)
					.withZone(this.zone));
	}

	/** The page language's format of a kind, built the first time it is asked for. */
	private DateTimeFormatter date(String kind, Function<Locale, DateTimeFormatter> build) {
		Locale locale = locale();
		return this.dates.computeIfAbsent(kind + "|" + locale.toLanguageTag(), (key) -> build.apply(locale));
	}

	public String zone() {
		return this.zone.getId();
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
