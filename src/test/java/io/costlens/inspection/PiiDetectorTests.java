package io.costlens.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each case marks what must be found with {@code ⟦ ⟧}; a case without marks must yield
 * nothing.
 */
class PiiDetectorTests {

	private final PiiDetector detector = new PiiDetector();

	@ParameterizedTest
	@ValueSource(strings = { "contact ⟦john.doe+tag@mail.example.co.uk⟧ now", "⟦a@b.io⟧",
			"From: \"Support\" <⟦SUPPORT@EXAMPLE.COM⟧>", "mailto:⟦jane_o-doe99@sub.corp.example⟧.",
			"GET /unsubscribe?email=⟦maria.garcia%40example.com⟧&list=weekly", "to=⟦x.y@example.org⟧,⟦z@example.net⟧" })
	void findsEmailAddresses(String text) {
		assertFinds(PiiType.EMAIL, text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "root@localhost", "admin@db01", "lodash@4.17.21", "icon@2x.png", "nginx@sha256:abc123",
			"@Override", "a@b.c", ".@example.com", "john..doe@example.com", "john.@example.com", "x@-example.com",
			"x@example-.com", "user@example.123" })
	void ignoresWhatOnlyLooksLikeAnEmail(String text) {
		assertFinds(PiiType.EMAIL, text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "cc=⟦4111111111111111⟧ exp=12/27", "⟦4111 1111 1111 1111⟧", "⟦5555-5555-5555-4444⟧",
			"amex ⟦3782 822463 10005⟧ on file", "diners ⟦3056 930902 5904⟧", "visa13 ⟦4222222222222⟧",
			"unionpay ⟦6212 3456 7890 1234 569⟧", "mc2 ⟦2221000000000009⟧", "jcb ⟦3530111333300000⟧",
			"qty 12 ⟦4111 1111 1111 1111⟧ 2 items", "pan=⟦5105105105105100⟧;exp=0926" })
	void findsLuhnValidCardNumbersOfEveryNetwork(String text) {
		assertFinds(PiiType.CREDIT_CARD, text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "4111111111111112", "4111 1111 1111 1112", "txn 4111-1111-1111-1111-22",
			"ORD-4111111111111111", "v4111111111111111", "4111 1111-1111 1111", "41111 11111 11111 1",
			"imei 356938035643809", "ms 1705312345123", "snowflake 1186275104498528256", "8111111111111111",
			"0000000000000000", "pi=3.1415926535897932", "IT56 O652 6763 0294 3087 5156 407" })
	void ignoresDigitRunsThatAreNoCard(String text) {
		assertFinds(PiiType.CREDIT_CARD, text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ssn ⟦123-45-6789⟧.", "SSN: ⟦078-05-1120⟧", "⟦219-09-9999⟧" })
	void findsSocialSecurityNumbers(String text) {
		assertFinds(PiiType.SSN, text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "000-12-3456", "666-12-3456", "912-70-1234", "123-00-4567", "123-45-0000", "123-45-67890",
			"1123-45-6789", "2024-01-15", "ssn-123-45-6789" })
	void ignoresNumbersTheSsaNeverIssues(String text) {
		assertFinds(PiiType.SSN, text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "call ⟦(415) 555-0132⟧ now", "⟦415-555-0132⟧", "⟦415.555.0132⟧", "⟦415 555 0132⟧",
			"⟦(415)555-0132⟧", "⟦+1 415 555 0132⟧", "⟦+1-415-555-0132⟧", "⟦+1 (415) 555-0132⟧", "tel:⟦+14155550132⟧",
			"toll free ⟦1-800-555-0199⟧", "⟦+44 20 7946 0958⟧", "⟦+4915123456789⟧", "⟦+44 (0)20 7946 0958⟧",
			"⟦+33 1 23 45 67 89⟧.", "⟦+81 3-1234-5678⟧", "⟦+353 1 234 5678⟧", "⟦+7 495 123-45-67⟧",
			"Tel.: ⟦+49 (30) 1234567⟧", "⟦+44 20 7946 0958⟧ 12345678 more" })
	void findsNorthAmericanAndInternationalPhoneNumbers(String text) {
		assertFinds(PiiType.PHONE, text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "4155550132", "123-456-7890", "415-155-0132", "911-555-0132", "415-911-0132", "555-0132",
			"415-555-01324", "415-555-0132-7", "+0100", "UTC+05:30", "+1234567", "+11234567890", "+28 1234 5678",
			"+5 1234 5678", "a+44 20 7946 0958", "f(415) 555-0132" })
	void ignoresPhoneLikeIds(String text) {
		assertFinds(PiiType.PHONE, text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ip ⟦10.0.0.1⟧:8080", "from ⟦192.168.1.10⟧.", "⟦255.255.255.255⟧", "⟦10.0.0.1⟧-⟦10.0.0.5⟧",
			"route ⟦10.0.0.0⟧/8", "ssh root@⟦10.0.0.5⟧", "http://⟦203.0.113.7⟧/x", "[⟦::1⟧]:80",
			"⟦fe80::1ff:fe23:4567:890a⟧%eth0", "⟦2001:0db8:85a3:0000:0000:8a2e:0370:7334⟧", "⟦::ffff:192.0.2.128⟧",
			"⟦2606:4700:4700::1111⟧", "⟦FE80::1⟧", "⟦fe80::⟧ prefix", "⟦0:0:0:0:0:ffff:192.0.2.1⟧" })
	void findsIpv4AndIpv6Addresses(String text) {
		assertFinds(PiiType.IP_ADDRESS, text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.2.3.4.5", "v10.2.3.4", "999.1.1.1", "256.1.1.1", "1.2.3", "1.2.3.1000",
			"Chrome/120.0.0.0 Safari", "ip-10-0-0-1", "[::]:8080", "12:30:45", "00:1a:2b:3c:4d:5e", "std::vector",
			"a::b::c", "1:2:3:4:5:6:7:8:9", "12345::1", "::ffff:1.2.3", "fe80::1.5" })
	void ignoresVersionsClocksAndMacAddresses(String text) {
		assertFinds(PiiType.IP_ADDRESS, text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "IBAN ⟦DE89 3704 0044 0532 0130 00⟧ EUR", "iban=⟦GB29NWBK60161331926819⟧;",
			"⟦FR14 2004 1010 0505 0001 3M02 606⟧", "⟦NL91ABNA0417164300⟧", "⟦CH93 0076 2011 6238 5295 7⟧",
			"⟦NO9386011117947⟧" })
	void findsChecksumValidIbans(String text) {
		assertFinds(PiiType.IBAN, text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "DE89 3704 0044 0532 0130 01", "DE89370400440532013000X", "XX89370400440532013000",
			"DE8937040044053201300", "DE89 37040044 0532013000", "de89370400440532013000", "DEUTDEFF" })
	void ignoresIbansWithoutAValidChecksumOrShape(String text) {
		assertFinds(PiiType.IBAN, text);
	}

	@Test
	void reportsFindingsInTextOrderWithTheirTypes() {
		PiiScan scan = this.detector.scan("bob@example.com called from +1 (212) 555-0187 at 198.51.100.23");
		assertThat(scan.findings()).extracting(PiiFinding::type)
			.containsExactly(PiiType.EMAIL, PiiType.PHONE, PiiType.IP_ADDRESS);
		assertThat(scan.count()).isEqualTo(3);
		assertThat(scan.hasPii()).isTrue();
		assertThat(scan.types()).containsExactly(PiiType.EMAIL, PiiType.PHONE, PiiType.IP_ADDRESS);
	}

	@Test
	void listsEachTypeOnceInEnumOrder() {
		PiiScan scan = this.detector.scan("10.0.0.1 a@example.com 10.0.0.2 b@example.com");
		assertThat(scan.types()).containsExactly(PiiType.EMAIL, PiiType.IP_ADDRESS);
	}

	@Test
	void findsNothingInTextWithoutPii() {
		PiiScan scan = this.detector.scan("2024-01-15T10:23:45.123Z INFO GET /health 200 3ms");
		assertThat(scan.hasPii()).isFalse();
		assertThat(scan.types()).isEmpty();
		assertThat(scan.count()).isZero();
	}

	@Test
	void masksEveryFindingWithItsType() {
		assertThat(this.detector.mask("user a@example.com card 4111 1111 1111 1111 ssn 123-45-6789 from 10.0.0.1, "
				+ "call +44 20 7946 0958, pay DE89370400440532013000"))
			.isEqualTo("user [EMAIL] card [CREDIT_CARD] ssn [SSN] from [IP_ADDRESS], call [PHONE], pay [IBAN]");
	}

	@Test
	void returnsTextWithoutPiiUnchanged() {
		String text = "nothing to see";
		assertThat(this.detector.mask(text)).isSameAs(text);
	}

	@Test
	void keepsAnEmailWholeWhenItsLocalPartLooksLikeANumber() {
		assertThat(this.detector.mask("sms 4155550132@txt.example.com")).isEqualTo("sms [EMAIL]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", ".", "@", "-", " ", ":", "+", "(", "%40", "1.", "1-", "1 ", "4111 ", "1:", "a:",
			"::1", "a@", "a.", "+1", "(415", "DE89", "a%40", "1.1.1.1." })
	void findsNothingInAMegabyteOfRepeatedFragmentsOfPii(String unit) {
		String text = unit.repeat(1024 * 1024 / unit.length());
		assertThat(this.detector.scan(text).findings()).isEmpty();
		assertThat(this.detector.scan("x".repeat(100) + text + "y").findings()).isEmpty();
	}

	@Test
	void findsEveryCardInAMegabyteOfCards() {
		String card = "4111111111111111 ";
		int cards = 1024 * 1024 / card.length();
		String text = card.repeat(cards);
		assertThat(this.detector.scan(text).findings()).hasSize(cards)
			.allSatisfy((finding) -> assertThat(finding.type()).isEqualTo(PiiType.CREDIT_CARD))
			.extracting(PiiFinding::start)
			.isEqualTo(IntStream.range(0, cards).map((i) -> i * card.length()).boxed().toList());
		assertThat(this.detector.scan("x" + text).findings()).hasSize(cards - 1)
			.first()
			.isEqualTo(new PiiFinding(PiiType.CREDIT_CARD, 1 + card.length(), 1 + card.length() + 16));
	}

	@Test
	void findsNothingInLongRunsOfOneCharacter() {
		for (String unit : List.of("1", ".", "@", "-", ":", "a", "F")) {
			assertThat(this.detector.scan(unit.repeat(1024 * 1024)).hasPii()).as(unit).isFalse();
		}
	}

	private void assertFinds(PiiType type, String marked) {
		StringBuilder text = new StringBuilder();
		List<PiiFinding> expected = new ArrayList<>();
		int start = -1;
		for (char c : marked.toCharArray()) {
			if (c == '⟦') {
				start = text.length();
			}
			else if (c == '⟧') {
				expected.add(new PiiFinding(type, start, text.length()));
			}
			else {
				text.append(c);
			}
		}
		List<PiiFinding> found = this.detector.scan(text)
			.findings()
			.stream()
			.filter((finding) -> finding.type() == type)
			.toList();
		assertThat(found).as(text.toString()).isEqualTo(expected);
	}

}
