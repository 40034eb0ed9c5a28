package io.costlens.inspection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the labelled PII corpus ({@code pii-corpus.tsv}): realistic log lines with
 * personal data in many formats and hard negatives that look like it. Deterministic (a
 * fixed seed), so {@link PiiCorpusTests} can check the committed file is what this
 * writes. The labels come from what the generator put in a line, never from a detector.
 * <p>
 * Regenerate with {@code ./mvnw test-compile} then {@code java -cp target/test-classes
 * io.costlens.inspection.PiiCorpusGenerator src/test/resources/io/costlens/inspection/pii-corpus.tsv}.
 */
final class PiiCorpusGenerator {

	static final String RESOURCE = "pii-corpus.tsv";

	private static final int GENERATED_LINES = 1400;

	private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

	private final Random random = new Random(20240603L);

	public static void main(String[] args) throws IOException {
		Files.writeString(Path.of(args[0]), new PiiCorpusGenerator().generate(), StandardCharsets.UTF_8);
	}

	String generate() {
		StringBuilder out = new StringBuilder();
		out.append("# Labelled PII corpus, written by PiiCorpusGenerator (do not edit by hand).\n");
		out.append("# labels<TAB>line; labels: comma-separated PII types, one per occurrence, or - for none.\n");
		for (String[] line : HAND_WRITTEN) {
			out.append(line[0]).append('\t').append(line[1]).append('\n');
		}
		for (int i = 0; i < GENERATED_LINES; i++) {
			String template = TEMPLATES[this.random.nextInt(TEMPLATES.length)];
			out.append(fill(template)).append('\n');
		}
		return out.toString();
	}

	private String fill(String template) {
		List<String> labels = new ArrayList<>();
		Matcher slot = SLOT.matcher(template);
		StringBuilder line = new StringBuilder();
		while (slot.find()) {
			String name = slot.group(1);
			String value = value(name);
			if (POSITIVE_SLOTS.contains(name)) {
				labels.add(name.startsWith("ipv6") ? "ip_address" : name.replaceAll("2$", ""));
			}
			slot.appendReplacement(line, Matcher.quoteReplacement(value));
		}
		slot.appendTail(line);
		List<String> ordered = new ArrayList<>();
		for (PiiType type : PiiType.values()) {
			for (String label : labels) {
				if (label.equals(type.value())) {
					ordered.add(label);
				}
			}
		}
		return (ordered.isEmpty() ? "-" : String.join(",", ordered)) + "\t" + line;
	}

	private static final List<String> POSITIVE_SLOTS = List.of("email", "email2", "credit_card", "ssn", "phone",
			"phone2", "ip_address", "ip_address2", "ipv6", "iban");

	private String value(String slot) {
		return switch (slot) {
			case "email", "email2" -> email();
			case "credit_card" -> card();
			case "ssn" -> ssn();
			case "phone", "phone2" -> phone();
			case "ip_address", "ip_address2" -> ipv4();
			case "ipv6" -> ipv6();
			case "iban" -> iban();
			case "ts" -> timestamp();
			case "date" -> date();
			case "uuid" -> uuid();
			case "ms" -> String.valueOf(1 + this.random.nextInt(4000));
			case "port" -> String.valueOf(1024 + this.random.nextInt(60000));
			case "status" -> pick("200", "201", "204", "301", "400", "401", "403", "404", "409", "422", "500", "503");
			case "bytes" -> String.valueOf(this.random.nextInt(2_000_000));
			case "pid" -> String.valueOf(100 + this.random.nextInt(60000));
			case "name" -> pick(FIRST_NAMES);
			case "user" -> pick(FIRST_NAMES).toLowerCase(Locale.ROOT) + pick("", "", "_ops", "42", ".dev");
			case "path" -> pick(PATHS);
			case "level" -> pick("INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG");
			case "id16" -> luhnInvalid(16);
			case "idlong" -> longId();
			case "version" -> version();
			case "order" -> orderNumber();
			case "phoneid" -> phoneLikeId();
			case "noemail" -> notAnEmail();
			case "noip" -> notAnIp();
			case "nossn" -> notAnSsn();
			case "noiban" -> notAnIban();
			case "hex" -> hex(pick(7, 12, 40, 64));
			case "mac" -> mac();
			case "clock" -> clock();
			case "imei" -> imei();
			case "amount" -> amount();
			case "ua" -> pick(USER_AGENTS);
			case "host" -> pick(HOSTS);
			default -> throw new IllegalArgumentException("Unknown slot " + slot);
		};
	}

	// ---- personal data, in the many ways logs write it

	private String email() {
		String first = pick(FIRST_NAMES).toLowerCase(Locale.ROOT);
		String last = pick(LAST_NAMES).toLowerCase(Locale.ROOT);
		String local = switch (this.random.nextInt(9)) {
			case 0 -> first + "." + last;
			case 1 -> first + "+" + pick("newsletter", "billing", "test", "work", "2024");
			case 2 -> first.charAt(0) + last + (10 + this.random.nextInt(90));
			case 3 -> first + "_" + last;
			case 4 -> first + "-" + last;
			case 5 -> (first + "." + last).toUpperCase(Locale.ROOT);
			case 6 -> pick("support", "billing", "no-reply", "admin", "security", "hr", "sales");
			case 7 -> first + "." + last + "+" + pick("alerts", "jira", "gh");
			default -> first + (1970 + this.random.nextInt(40));
		};
		String domain = pick(DOMAINS);
		String address = local + "@" + ((this.random.nextInt(6) == 0) ? domain.toUpperCase(Locale.ROOT) : domain);
		return switch (this.random.nextInt(10)) {
			case 0 -> "<" + address + ">";
			case 1 -> "mailto:" + address;
			case 2 -> "\"" + address + "\"";
			default -> address;
		};
	}

	private String card() {
		String number = switch (this.random.nextInt(12)) {
			case 0, 1, 2 -> luhnValid("4", 16);
			case 3 -> luhnValid("4", 13);
			case 4 -> luhnValid("4", 19);
			case 5, 6 -> luhnValid(String.valueOf(51 + this.random.nextInt(5)), 16);
			case 7 -> luhnValid(String.valueOf(2221 + this.random.nextInt(500)), 16);
			case 8 -> luhnValid(pick("34", "37"), 15);
			case 9 -> luhnValid(pick("6011", "65", "644"), pick(16, 16, 19));
			case 10 -> luhnValid(String.valueOf(3528 + this.random.nextInt(62)), 16);
			default -> (this.random.nextBoolean()) ? luhnValid("36", 14) : luhnValid("62", pick(16, 17, 18, 19));
		};
		return formatCard(number);
	}

	private String formatCard(String number) {
		int style = this.random.nextInt(5);
		if (style < 2) {
			return number;
		}
		String separator = (style < 4) ? " " : "-";
		if (number.length() == 15 && number.startsWith("3")) {
			return number.substring(0, 4) + separator + number.substring(4, 10) + separator + number.substring(10);
		}
		if (number.length() == 14) {
			return number.substring(0, 4) + separator + number.substring(4, 10) + separator + number.substring(10);
		}
		return group(number, 4, separator);
	}

	private String ssn() {
		int area = 1 + this.random.nextInt(899);
		area = (area == 666) ? 667 : area;
		return String.format("%03d-%02d-%04d", area, 1 + this.random.nextInt(99), 1 + this.random.nextInt(9999));
	}

	private String phone() {
		if (this.random.nextInt(5) < 3) {
			return northAmericanPhone();
		}
		return pick(INTERNATIONAL_PHONES).replaceAll("#", "%d").formatted(digits(12));
	}

	private Object[] digits(int count) {
		Object[] digits = new Object[count];
		for (int i = 0; i < count; i++) {
			digits[i] = this.random.nextInt(10);
		}
		return digits;
	}

	private String northAmericanPhone() {
		String area = nxx();
		String exchange = nxx();
		String line = String.format("%04d", this.random.nextInt(10000));
		return switch (this.random.nextInt(11)) {
			case 0, 1 -> "(" + area + ") " + exchange + "-" + line;
			case 2, 3 -> area + "-" + exchange + "-" + line;
			case 4 -> area + "." + exchange + "." + line;
			case 5 -> area + " " + exchange + " " + line;
			case 6 -> "+1 " + area + " " + exchange + " " + line;
			case 7 -> "+1-" + area + "-" + exchange + "-" + line;
			case 8 -> "+1 (" + area + ") " + exchange + "-" + line;
			case 9 -> "1-" + pick("800", "888", "877", area) + "-" + exchange + "-" + line;
			default -> "+1" + area + exchange + line;
		};
	}

	private String nxx() {
		while (true) {
			String code = String.valueOf(200 + this.random.nextInt(800));
			if (!code.endsWith("11")) {
				return code;
			}
		}
	}

	private String ipv4() {
		return switch (this.random.nextInt(6)) {
			case 0 -> "10." + octet() + "." + octet() + "." + octet();
			case 1 -> "192.168." + octet() + "." + (1 + this.random.nextInt(254));
			case 2 -> "172." + (16 + this.random.nextInt(16)) + "." + octet() + "." + octet();
			case 3 -> pick("203.0.113.", "198.51.100.", "192.0.2.") + (1 + this.random.nextInt(254));
			default -> (1 + this.random.nextInt(223)) + "." + octet() + "." + octet() + "." + octet();
		};
	}

	private int octet() {
		return this.random.nextInt(256);
	}

	private String ipv6() {
		return switch (this.random.nextInt(9)) {
			case 0 -> fullIpv6();
			case 1 -> "2001:db8:" + hexGroup() + "::" + hexGroup();
			case 2 -> "::1";
			case 3 -> "fe80::" + hexGroup() + ":" + hexGroup() + ":" + hexGroup() + ":" + hexGroup()
					+ pick("", "%eth0", "%en0");
			case 4 -> "::ffff:" + ipv4();
			case 5 -> fullIpv6().toUpperCase(Locale.ROOT);
			case 6 -> "2a00:1450:4001:" + hexGroup() + "::" + hexGroup();
			case 7 -> "2600:1f18:" + hexGroup() + ":" + hexGroup() + ":" + hexGroup() + ":" + hexGroup() + ":"
					+ hexGroup() + ":" + hexGroup();
			default -> "fd00::" + hexGroup();
		};
	}

	private String fullIpv6() {
		StringBuilder address = new StringBuilder("2001:0db8");
		for (int i = 0; i < 6; i++) {
			address.append(':').append(String.format("%04x", this.random.nextInt(65536)));
		}
		return address.toString();
	}

	private String hexGroup() {
		return Integer.toHexString(1 + this.random.nextInt(65535));
	}

	private String iban() {
		String[] format = pick(IBAN_FORMATS);
		StringBuilder account = new StringBuilder();
		for (char c : format[1].toCharArray()) {
			account
				.append((c == 'n') ? (char) ('0' + this.random.nextInt(10)) : (char) ('A' + this.random.nextInt(26)));
		}
		String compact = format[0] + checkDigits(format[0], account.toString()) + account;
		return (this.random.nextInt(5) < 3) ? group(compact, 4, " ") : compact;
	}

	static String checkDigits(String country, String account) {
		int remainder = 0;
		for (char c : (account + country + "00").toCharArray()) {
			int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
			remainder = (remainder * ((value < 10) ? 10 : 100) + value) % 97;
		}
		return String.format("%02d", 98 - remainder);
	}

	// ---- hard negatives: what looks like personal data in logs and is not

	private String luhnInvalid(int length) {
		String valid = luhnValid(pick("4", "5", "3", "6", "1", "7", "9"), length);
		char last = valid.charAt(length - 1);
		return valid.substring(0, length - 1) + (char) ('0' + (last - '0' + 1 + this.random.nextInt(9)) % 10);
	}

	private String longId() {
		return switch (this.random.nextInt(5)) {
			case 0 -> "17" + numeric(11); // epoch milliseconds
			case 1 -> "17" + numeric(14); // epoch microseconds
			case 2 -> "1" + numeric(18); // snowflake ids
			case 3 -> imei();
			default -> luhnInvalid(pick(13, 15, 16, 19));
		};
	}

	private String version() {
		return switch (this.random.nextInt(8)) {
			case 0 -> (1 + this.random.nextInt(12)) + "." + this.random.nextInt(20) + "." + this.random.nextInt(30)
					+ "." + this.random.nextInt(9) + "." + this.random.nextInt(9);
			case 1 -> "v" + this.random.nextInt(20) + "." + this.random.nextInt(20) + "." + this.random.nextInt(30)
					+ "." + this.random.nextInt(200);
			case 2 -> this.random.nextInt(10) + "." + this.random.nextInt(30) + "." + this.random.nextInt(30);
			case 3 -> "Chrome/" + (100 + this.random.nextInt(30)) + ".0.0.0";
			case 4 -> "10." + this.random.nextInt(10) + "." + this.random.nextInt(10) + "." + this.random.nextInt(10)
					+ "." + this.random.nextInt(10);
			case 5 -> "kernel 5.15.0-" + (50 + this.random.nextInt(50)) + "-generic";
			case 6 -> "build 2024.1." + this.random.nextInt(30) + "." + (1000 + this.random.nextInt(9000));
			default ->
				"openssl/" + this.random.nextInt(4) + "." + this.random.nextInt(3) + "." + this.random.nextInt(15);
		};
	}

	private String orderNumber() {
		return switch (this.random.nextInt(6)) {
			case 0 -> "ORD-2024-" + numeric(6);
			case 1 -> "INV-" + numeric(8);
			case 2 -> "#" + numeric(7);
			case 3 -> "PO " + "45" + numeric(8);
			case 4 -> "1Z" + hex(6).toUpperCase(Locale.ROOT) + numeric(10);
			default -> numeric(4) + "-" + numeric(4) + "-" + numeric(4);
		};
	}

	private String phoneLikeId() {
		return switch (this.random.nextInt(7)) {
			case 0 -> "1" + numeric(2) + "-" + numeric(3) + "-" + numeric(4); // area code
																				// cannot
																				// start
																				// with 1
			case 1 -> nxx() + "-" + "1" + numeric(2) + "-" + numeric(4); // nor the
																			// exchange
			case 2 -> "555-01" + numeric(2); // seven digits
			case 3 -> nxx() + "-" + nxx() + "-" + numeric(5);
			case 4 -> "0" + numeric(2) + "." + numeric(3) + "." + numeric(4);
			case 5 -> "+0" + numeric(3);
			default -> numeric(3) + "-" + numeric(3) + "-" + numeric(3);
		};
	}

	private String notAnEmail() {
		String user = pick(FIRST_NAMES).toLowerCase(Locale.ROOT);
		return switch (this.random.nextInt(9)) {
			case 0 -> user + "@localhost";
			case 1 -> user + "@" + pick("build-agent-07", "db01", "web-2", "bastion");
			case 2 -> pick("lodash", "react", "express", "typescript") + "@" + this.random.nextInt(20) + "."
					+ this.random.nextInt(20) + "." + this.random.nextInt(30);
			case 3 ->
				pick("icon", "logo", "avatar", "hero") + "@" + pick("2x", "3x") + "." + pick("png", "jpg", "webp");
			case 4 -> "@" + user;
			case 5 -> "nginx@sha256:" + hex(16);
			case 6 -> user + "@intranet";
			case 7 -> "@" + pick("Override", "Transactional", "Component", "GetMapping");
			default -> user + "@" + pick("example", "corp") + "." + numeric(2);
		};
	}

	private String notAnIp() {
		return switch (this.random.nextInt(6)) {
			case 0 -> (256 + this.random.nextInt(700)) + "." + octet() + "." + octet() + "." + octet();
			case 1 -> "999.1.1.1";
			case 2 -> octet() + "." + octet() + "." + octet();
			case 3 -> octet() + "." + octet() + "." + octet() + "." + octet() + "." + octet();
			case 4 -> octet() + "." + octet() + "." + octet() + "." + (300 + this.random.nextInt(600));
			default -> "ip-" + octet() + "-" + octet() + "-" + octet() + "-" + octet() + ".ec2.internal";
		};
	}

	private String notAnSsn() {
		return switch (this.random.nextInt(5)) {
			case 0 -> "000-" + numeric(2) + "-" + numeric(4);
			case 1 -> "666-" + numeric(2) + "-" + numeric(4);
			case 2 -> (900 + this.random.nextInt(100)) + "-" + (70 + this.random.nextInt(20)) + "-" + numeric(4);
			case 3 -> numeric(3) + "-" + numeric(2) + "-" + numeric(5);
			default -> (100 + this.random.nextInt(800)) + "-00-" + numeric(4);
		};
	}

	private String notAnIban() {
		return switch (this.random.nextInt(4)) {
			case 0 -> corruptIban();
			case 1 -> pick("DEUTDEFF", "NWBKGB2L", "BNPAFRPP", "COBADEFFXXX", "INGBNL2A");
			case 2 -> "XX" + numeric(2) + " " + numeric(4) + " " + numeric(4) + " " + numeric(4);
			default -> pick("DE", "FR", "GB") + numeric(2) + "-" + pick("PROD", "EU", "WEST") + "-" + numeric(3);
		};
	}

	private String corruptIban() {
		String iban = iban();
		int at = iban.length() - 1;
		char last = iban.charAt(at);
		return iban.substring(0, at) + (char) ('0' + (last - '0' + 1) % 10);
	}

	private String imei() {
		return luhnValid(pick("35", "86", "01"), 15);
	}

	private String mac() {
		StringBuilder mac = new StringBuilder(hex(2));
		for (int i = 0; i < 5; i++) {
			mac.append(':').append(hex(2));
		}
		return (this.random.nextBoolean()) ? mac.toString() : mac.toString().toUpperCase(Locale.ROOT);
	}

	private String clock() {
		return String.format("%02d:%02d:%02d", this.random.nextInt(24), this.random.nextInt(60),
				this.random.nextInt(60)) + pick("", ",123", ".456789");
	}

	private String amount() {
		return pick("$", "EUR ", "") + (1 + this.random.nextInt(9)) + "," + numeric(3) + "." + numeric(2);
	}

	private String timestamp() {
		return switch (this.random.nextInt(4)) {
			case 0 -> "2024-0" + (1 + this.random.nextInt(9)) + "-1" + this.random.nextInt(10) + "T" + clock() + "Z";
			case 1 -> pick("Jan", "Feb", "Mar", "Apr") + " " + (10 + this.random.nextInt(18)) + " " + clock();
			case 2 -> "2024-0" + (1 + this.random.nextInt(9)) + "-2" + this.random.nextInt(9) + " " + clock();
			default -> "[" + (10 + this.random.nextInt(18)) + "/Mar/2024:" + clock() + " +0000]";
		};
	}

	private String date() {
		return switch (this.random.nextInt(4)) {
			case 0 -> "2024-" + String.format("%02d-%02d", 1 + this.random.nextInt(12), 1 + this.random.nextInt(28));
			case 1 -> String.format("%02d/%02d/2024", 1 + this.random.nextInt(12), 1 + this.random.nextInt(28));
			case 2 -> String.format("%02d.%02d.2023", 1 + this.random.nextInt(28), 1 + this.random.nextInt(12));
			default -> "2023" + String.format("%02d%02d", 1 + this.random.nextInt(12), 1 + this.random.nextInt(28));
		};
	}

	private String uuid() {
		return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-" + pick("8", "9", "a", "b") + hex(3) + "-" + hex(12);
	}

	// ---- helpers

	private String luhnValid(String prefix, int length) {
		StringBuilder number = new StringBuilder(prefix);
		while (number.length() < length - 1) {
			number.append((char) ('0' + this.random.nextInt(10)));
		}
		int sum = 0;
		for (int i = 0; i < number.length(); i++) {
			int digit = number.charAt(number.length() - 1 - i) - '0';
			int doubled = (i % 2 == 0) ? digit * 2 : digit;
			sum += (doubled > 9) ? doubled - 9 : doubled;
		}
		return number.append((10 - sum % 10) % 10).toString();
	}

	private String numeric(int length) {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < length; i++) {
			digits.append((char) ('0' + this.random.nextInt(10)));
		}
		return digits.toString();
	}

	private String hex(int length) {
		StringBuilder hex = new StringBuilder();
		for (int i = 0; i < length; i++) {
			hex.append("0123456789abcdef".charAt(this.random.nextInt(16)));
		}
		return hex.toString();
	}

	private static String group(String compact, int size, String separator) {
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < compact.length(); i += size) {
			grouped.append((i > 0) ? separator : "").append(compact, i, Math.min(compact.length(), i + size));
		}
		return grouped.toString();
	}

	@SafeVarargs
	private <T> T pick(T... choices) {
		return choices[this.random.nextInt(choices.length)];
	}

	// ---- vocabulary

	private static final String[] FIRST_NAMES = { "James", "Maria", "Wei", "Aisha", "Lukas", "Sofia", "Hiroshi", "Olga",
			"Carlos", "Priya", "Noah", "Emma", "Mohammed", "Chloe", "Mateo", "Ingrid", "Kwame", "Yuki", "Liam",
			"Fatima" };

	private static final String[] LAST_NAMES = { "Smith", "Garcia", "Chen", "Khan", "Muller", "Rossi", "Tanaka",
			"Ivanova", "Silva", "Patel", "Brown", "Dubois", "Nakamura", "Okafor", "Larsen", "Kowalski", "Oconnor" };

	private static final String[] DOMAINS = { "gmail.com", "example.com", "example.org", "acme-corp.io",
			"mail.example.co.uk", "eu.acme-corp.io", "students.uni-heidelberg.de", "outlook.fr", "yahoo.co.jp",
			"company.com.br", "proton.me", "dept.state.gov", "corp.example.net", "fastmail.fm", "web.de",
			"research.example.ac.uk", "startup.ai", "customer-care.example.travel" };

	private static final String[] HOSTS = { "api-7d9f8b6c5d-x2x9z", "web-01.prod", "ip-10-0-3-17.ec2.internal",
			"db-primary.internal", "worker-3", "edge-fra1", "ci-runner-12" };

	private static final String[] PATHS = { "/api/v1/users", "/api/v1/orders", "/checkout", "/login",
			"/api/v2/payments", "/static/app.js", "/health", "/api/v1/scenarios/42/logs", "/graphql",
			"/account/settings" };

	private static final String[] USER_AGENTS = {
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
			"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15",
			"curl/8.4.0", "python-requests/2.31.0", "okhttp/4.12.0", "Go-http-client/2.0",
			"Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0" };

	private static final String[] INTERNATIONAL_PHONES = { "+44 20 #### ####", "+44 7### ######", "+44 (0)20 #### ####",
			"+49 30 ########", "+49 1## ########", "+49##########", "+33 6 ## ## ## ##", "+33 1 ## ## ## ##",
			"+33#########", "+34 6## ### ###", "+39 06 #### ####", "+31 20 ### ####", "+91 9#### #####",
			"+81 3-####-####", "+61 2 #### ####", "+61 4## ### ###", "+55 11 9####-####", "+86 10 #### ####",
			"+41 44 ### ## ##", "+353 1 ### ####", "+46 8 ### ### ##", "+52 55 #### ####", "+48 ### ### ###",
			"+7 495 ###-##-##", "+27 21 ### ####", "+65 #### ####", "+971 4 ### ####", "+49-151-########" };

	/** Country code and account number shape: n = digit, a = upper-case letter. */
	private static final String[][] IBAN_FORMATS = { { "DE", "nnnnnnnnnnnnnnnnnn" }, { "GB", "aaaannnnnnnnnnnnnn" },
			{ "FR", "nnnnnnnnnnnnnnnnnnnnnnn" }, { "ES", "nnnnnnnnnnnnnnnnnnnn" }, { "IT", "annnnnnnnnnnnnnnnnnnnnn" },
			{ "NL", "aaaannnnnnnnnn" }, { "BE", "nnnnnnnnnnnn" }, { "CH", "nnnnnnnnnnnnnnnnn" },
			{ "AT", "nnnnnnnnnnnnnnnn" }, { "PL", "nnnnnnnnnnnnnnnnnnnnnnnn" }, { "SE", "nnnnnnnnnnnnnnnnnnnn" },
			{ "NO", "nnnnnnnnnnn" }, { "IE", "aaaannnnnnnnnnnnnn" }, { "PT", "nnnnnnnnnnnnnnnnnnnnn" },
			{ "DK", "nnnnnnnnnnnnnn" } };

	/**
	 * Log lines. Slots in braces: the personal-data slots ({email}, {credit_card}, {ssn},
	 * {phone}, {ip_address}, {ipv6}, {iban}, and their "2" twins) are labelled; every
	 * other slot is filler or a hard negative.
	 */
	private static final String[] TEMPLATES = {
			// web servers and proxies
			"{ip_address} - - {ts} \"GET {path}?page=2 HTTP/1.1\" {status} {bytes} \"-\" \"{ua}\"",
			"{ip_address} - {user} {ts} \"POST {path} HTTP/2.0\" {status} {bytes} rt={ms}ms",
			"{ts} {level} [http-nio-8080-exec-7] c.a.web.RequestLog : {path} from {ip_address} took {ms} ms",
			"X-Forwarded-For: {ip_address}, {ip_address2} upstream={host}:{port}",
			"{ts} upstream connect error to [{ipv6}]:{port} after {ms}ms (reset)",
			"{ts} client {ipv6} requested {path} status={status} ua=\"{ua}\"",
			"{ts} {level} request_id={uuid} path={path} status={status} duration_ms={ms} ua=\"{ua}\"",
			"{ts} {level} served {path} in {ms}ms build={version} host={host}",
			// auth and ssh
			"{ts} sshd[{pid}]: Accepted publickey for {user} from {ip_address} port {port} ssh2",
			"{ts} sshd[{pid}]: Failed password for invalid user {user} from {ipv6} port {port} ssh2",
			"{ts} {level} login succeeded user={email} ip={ip_address} session={uuid}",
			"{ts} {level} password reset requested for {email} (request {uuid})",
			"{ts} {level} MFA code sent to {phone} for account {email}",
			"{ts} {level} login failed for {noemail} from {ip_address} attempts=3",
			// application events (JSON)
			"{\"ts\":\"{ts}\",\"level\":\"{level}\",\"event\":\"user.created\",\"email\":\"{email}\",\"id\":\"{uuid}\"}",
			"{\"level\":\"{level}\",\"msg\":\"profile updated\",\"phone\":\"{phone}\",\"user_id\":{pid},\"trace\":\"{hex}\"}",
			"{\"event\":\"payment.authorized\",\"card\":\"{credit_card}\",\"amount\":\"{amount}\",\"order\":\"{order}\"}",
			"{\"event\":\"payout.created\",\"iban\":\"{iban}\",\"amount\":\"{amount}\",\"ref\":\"{order}\",\"at\":\"{date}\"}",
			"{\"event\":\"kyc.submitted\",\"ssn\":\"{ssn}\",\"dob\":\"{date}\",\"email\":\"{email}\"}",
			"{\"event\":\"device.registered\",\"imei\":\"{imei}\",\"ip\":\"{ip_address}\",\"mac\":\"{mac}\"}",
			"{\"span\":\"{hex}\",\"service\":\"checkout\",\"duration_ms\":{ms},\"order\":\"{order}\",\"ts\":{idlong}}",
			// payments
			"{ts} {level} charging card {credit_card} amount={amount} merchant_ref={order}",
			"{ts} {level} card declined: {credit_card} reason=insufficient_funds txn={id16}",
			"{ts} {level} refund issued txn_id={id16} amount={amount} card_last4={pid}",
			"{ts} {level} SEPA transfer to {iban} amount {amount} reference {order}",
			"{ts} {level} direct debit mandate created iban={iban} email={email}",
			"{ts} {level} settlement batch {order} txn={id16} total={amount}",
			"{ts} {level} payment 3DS challenge for {credit_card} from {ip_address}",
			// customer support and CRM
			"ticket {order}: customer {name} wrote from {email}, call back on {phone}",
			"chat transcript: \"hi, my number is {phone} and my email is {email}\"",
			"CRM update: contact {name} phone={phone} alt_phone={phone2} email={email}",
			"support note: customer read out SSN {ssn} to verify identity, agent {user}",
			"customer {name} asked to update IBAN to {iban} before {date}",
			"voicemail from {phone} at {clock}, callback requested re {order}",
			"contact form: name={name} email={email} message=\"please call {phone}\"",
			"{ts} {level} sms delivery failed to {phone} provider=twilio code={status}",
			// databases
			"INSERT INTO customers (email, phone, created_at) VALUES ('{email}', '{phone}', '{date}')",
			"UPDATE accounts SET iban = '{iban}' WHERE id = {pid}",
			"SELECT * FROM users WHERE ssn = '{ssn}' AND status = 'active'",
			"{ts} {level} background check ssn={ssn} result=clear requested_by={email}",
			"W-9 received: TIN {ssn} for {name}, mailing to {email}",
			"{ts} {level} beneficiary {name} iban {iban} verified via {ip_address}",
			"slow query ({ms} ms): SELECT id FROM orders WHERE created_at > '{date}' LIMIT 100",
			"{ts} {level} HikariPool-1 - connection to db-primary:{port} established in {ms}ms",
			// infrastructure
			"{ts} kubelet[{pid}]: pod {host} scheduled on node {ip_address} image=nginx@sha256:{hex}",
			"{ts} {level} interface eth0 inet {ip_address}/24 inet6 {ipv6}/64 ether {mac}",
			"{ts} {level} firewall DROP src={ip_address} dst={ip_address2} proto=TCP dport={port}",
			"{ts} {level} DHCPACK on {ip_address} to {mac} via eth0",
			"{ts} {level} listening on [{ipv6}]:{port} and {ip_address}:{port}",
			"{ts} {level} node {host} upgraded to {version} (kernel {version})",
			"{ts} {level} arn:aws:iam::{pid}{pid}:role/deploy assumed by {user} session={hex}",
			"{ts} {level} cron job finished in {clock} exit=0 pid={pid}",
			// hard negatives only
			"{ts} {level} order {order} shipped, tracking {order}, eta {date}",
			"{ts} {level} txn {id16} settled at {clock}, batch {idlong}",
			"{ts} {level} message id {idlong} acknowledged by consumer {uuid}",
			"{ts} {level} dependency {noemail} resolved, {version} installed",
			"{ts} {level} upgrade from {version} to {version} completed on {host}",
			"{ts} {level} invalid address {noip} rejected by validator",
			"{ts} {level} parse error near {noip} in config line {pid}",
			"{ts} {level} rejected tax id {nossn} (not issued)", "{ts} {level} validation failed for account {noiban}",
			"{ts} {level} reference {phoneid} not found in directory",
			"{ts} {level} ticket {phoneid} reopened by {user}",
			"{ts} {level} device imei={imei} firmware {version} battery={ms}%",
			"{ts} {level} commit {hex} by {user} on {date}: bump {noemail}",
			"{ts} {level} mac {mac} seen at {clock} rssi=-{ms}",
			"{ts} {level} cache key user:{pid}:prefs ttl=3600 hits={bytes}",
			"{ts} {level} std::vector<int> resized to {bytes} in Foo::bar() at {clock}",
			"{ts} {level} invoice {order} total {amount} due {date} ref {id16}",
			"{ts} {level} epoch={idlong} offset=+05:30 tz=Asia/Kolkata",
			"{ts} {level} GET {path} {status} {ms}ms ua=\"{ua}\"",
			"{ts} {level} released {noemail} to registry at {clock}",
			"{ts} {level} customer {name} asked about order {order} placed on {date}", };

	/**
	 * Cases a template cannot make: several kinds in one line, odd spacing, near misses.
	 */
	private static final String[][] HAND_WRITTEN = { { "email", "Reply-To: jane.o.doe+support@sub.mail.example.com" },
			{ "email,email", "cc: ops-team@corp.example.net; bcc: \"A. Lee\" <a.lee@example.org>" },
			{ "email", "GET /unsubscribe?email=maria.garcia%40example.com&list=weekly HTTP/1.1" },
			{ "-", "ssh git@github.com:org/repo.git failed? no: user git@gitlab on host build" },
			{ "-", "root@localhost:~# systemctl restart nginx" },
			{ "-", "npm ERR! peer dep missing: react@18.2.0, required by react-dom@18.2.0" },
			{ "-", "served /img/logo@2x.png and /img/icon@3x.webp from cache" },
			{ "-", "pattern [A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+ compiled" },
			{ "email", "From: \"Support\" <SUPPORT@EXAMPLE.COM>" },
			{ "credit_card", "cc=4111111111111111 exp=12/27 cvv=***" },
			{ "credit_card", "amex 3782 822463 10005 on file" },
			{ "credit_card", "card 5555-5555-5555-4444 used at pos 12" },
			{ "credit_card", "discover 6011 0009 9013 9424 2 attempts" },
			{ "-", "card 4111 1111 1111 1112 failed Luhn, rejected" },
			{ "-", "txn id 4111-1111-1111-1111-22 (composite key)" }, { "-", "order ORD-4111111111111111 created" },
			{ "-", "pi=3.1415926535897932 e=2.718281828459045" }, { "-", "imei 356938035643809 registered" },
			{ "-", "ts=1705312345123 seq=1705312345123456 snowflake=1186275104498528256" },
			{ "ssn", "SSN: 078-05-1120 (from the Woolworth wallet insert)" },
			{ "-", "tax ids 000-12-3456, 666-45-6789 and 987-65-4321 are never issued" },
			{ "-", "part number 123-45-67890 and date 2024-01-15" }, { "phone", "call me at (415) 555-0132 tomorrow" },
			{ "phone,phone", "office +44 20 7946 0958, mobile +4915123456789" }, { "phone", "fax: +33 1 23 45 67 89." },
			{ "phone", "toll free 1-800-555-0199 (24/7)" }, { "phone", "tel:+14155550132" },
			{ "phone", "phone=4155550132 (unformatted, as the old CRM stored it)" },
			{ "phone,phone", "mobile 07700 900123 or +44 7700 900123" }, { "-", "ticket 123-456-7890 reopened" },
			{ "-", "ext 555-0132 is the front desk" }, { "-", "timezone UTC+05:30, offset -0800, +0100 in winter" },
			{ "ip_address", "client 203.0.113.7:51234 connected" },
			{ "ip_address,ip_address", "allowed range 10.0.0.1-10.0.0.254" },
			{ "ip_address", "route 10.0.0.0/8 via 0" }, { "ip_address", "ssh root@10.0.0.5 -p 2222" },
			{ "-", "upgraded to 10.2.3.4.5 and then v1.2.3.4" },
			{ "-", "addresses 999.1.1.1 and 256.256.256.256 are invalid" },
			{ "-", "User-Agent: Mozilla/5.0 Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91" },
			{ "-", "AssemblyVersion(\"1.0.0.0\") loaded" }, { "-", "version=4.2.1.0 build=7" },
			{ "ip_address", "loopback [::1]:8080 is up" },
			{ "ip_address", "link-local fe80::1ff:fe23:4567:890a%eth0 reachable" },
			{ "ip_address", "ipv6 2001:0db8:85a3:0000:0000:8a2e:0370:7334 assigned" },
			{ "ip_address", "mapped ::ffff:192.0.2.128 seen" }, { "ip_address", "DNS AAAA 2606:4700:4700::1111" },
			{ "-", "bind [::]:8080 and clock 12:30:45 mac 00:1a:2b:3c:4d:5e" },
			{ "-", "std::unordered_map and Foo::Bar::baz() and a::b::c" },
			{ "-", "arn:aws:iam::123456789012:role/deploy" },
			{ "iban", "IBAN DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX" }, { "iban", "iban=GB29NWBK60161331926819;" },
			{ "iban", "Konto: FR14 2004 1010 0505 0001 3M02 606" }, { "iban", "NL91ABNA0417164300 (Dutch)" },
			{ "-", "IBAN DE89 3704 0044 0532 0130 01 failed checksum" }, { "-", "BIC NWBKGB2L and DEUTDEFF only" },
			{ "email,phone,ip_address", "user bob.smith@example.com called from +1 (212) 555-0187 at 198.51.100.23" },
			{ "email,credit_card,ssn", "form: email=ann@example.org card=4012888888881881 ssn=219-09-9999" },
			{ "iban,phone", "payout to CH93 0076 2011 6238 5295 7 confirmed by +41 44 668 18 00" },
			{ "-", "nothing here: 2024-01-15T10:23:45.123Z INFO ok 200 14ms" },
			{ "-", "uuid 550e8400-e29b-41d4-a716-446655440000 trace 4bf92f3577b34da6a3ce929d0e0e4736" },
			{ "-", "isbn 978-3-16-148410-0 and 0-306-40615-2, EAN 4006381333931" },
			{ "-", "maven resolved org.example:lib:1.2.3.4 from central" },
			{ "-", "git describe v2.3.1-14-g2414721 on branch release/4.2" },
			{ "email", "Signed-off-by: Wei Chen <wei.chen@kernel.example.org>" },
			{ "ip_address", "nameserver 8.8.8.8" }, { "ip_address", "inet 127.0.0.1 netmask 0xff000000" },
			{ "-", "sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709" }, { "phone", "Tel.: +49 (30) 1234567" },
			{ "-", "coordinates 52.520008, 13.404954" }, { "-", "serial SN-4012-8888-8888-1881" },
			{ "credit_card", "pan=5105105105105100;exp=0926" }, { "-", "elapsed 0:00:01.234 (1234 ms)" },
			{ "email,ip_address",
					"Received: from mail.example.com (mail.example.com [203.0.113.9]) for <kim@example.net>" },
			{ "email", "\"reply_to\": \"noreply@notifications.example.com\"" }, };

}
