package io.costlens.bench;

import java.util.Random;

/**
 * Deterministic, realistic log text of an exact size: application, access, SSH, payment and
 * JSON lines with the personal data real logs carry (about one line in four has an email,
 * phone, address, card or IBAN) and the numbers, ids, timestamps and versions that look
 * like it. ASCII, so its size in chars is its size in UTF-8 bytes.
 */
public final class LogLines {

	private static final String[] LINES = {
			"2024-03-14T09:26:53.589Z INFO 4182 --- [nio-8080-exec-7] c.a.web.RequestLog : GET /api/v1/orders?page=2 200 14ms",
			"203.0.113.42 - - [14/Mar/2024:09:26:53 +0000] \"GET /static/app.js HTTP/1.1\" 200 51234 \"-\" \"Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0.0.0 Safari/537.36\"",
			"{\"ts\":\"2024-03-14T09:26:54.001Z\",\"level\":\"INFO\",\"event\":\"user.login\",\"user_id\":48213,\"session\":\"550e8400-e29b-41d4-a716-446655440000\"}",
			"Mar 14 09:26:54 web-01 sshd[20211]: Accepted publickey for deploy from 10.12.3.77 port 52113 ssh2: RSA SHA256:Zk3a9",
			"2024-03-14 09:26:55,120 WARN  [pool-3-thread-2] o.h.engine.jdbc.spi.SqlExceptionHelper - SQL Error: 0, SQLState: 40001 retry=3",
			"{\"level\":\"info\",\"msg\":\"password reset requested\",\"email\":\"maria.garcia+billing@example.com\",\"request\":\"4bf92f3577b34da6\"}",
			"2024-03-14T09:26:55.733Z DEBUG [checkout] span=a3ce929d0e0e4736 order=ORD-2024-004512 items=3 total=129.90 currency=EUR",
			"2024-03-14T09:26:56.002Z ERROR [payments] card declined txn=4532015112830367 reason=insufficient_funds attempt=2",
			"kubelet[1911]: pod api-7d9f8b6c5d-x2x9z scheduled on node ip-10-0-3-17.ec2.internal image=nginx@sha256:3b4c5d6e7f",
			"2024-03-14T09:26:56.410Z INFO  [crm] contact updated id=88213 phone=+44 20 7946 0958 changed_by=ops-team",
			"2024-03-14T09:26:57.015Z INFO  [upgrade] node web-02 upgraded from 1.27.3 to 1.28.4 (kernel 5.15.0-91-generic)",
			"{\"event\":\"payout.created\",\"amount\":\"1250.00\",\"iban\":\"DE89 3704 0044 0532 0130 00\",\"ref\":\"INV-00012345\"}",
			"2024-03-14T09:26:57.990Z WARN  [ratelimit] client 2001:db8:85a3::8a2e:370:7334 exceeded 100 req/min on /api/v2/search",
			"2024-03-14T09:26:58.300Z INFO  [metrics] gc pause 12.4ms heap=512MB/2048MB threads=212 uptime=3d04h12m",
			"java.lang.IllegalStateException: connection pool exhausted (active=16, idle=0, waiting=42) at com.acme.db.Pool.borrow(Pool.java:211)",
			"2024-03-14T09:26:59.120Z INFO  [mail] delivered to=<james.smith@corp.example.net> relay=mx1.example.net delay=0.41 status=sent" };

	private LogLines() {
	}

	public static String ofSize(int size) {
		Random random = new Random(size);
		StringBuilder text = new StringBuilder(size + 200);
		while (text.length() < size) {
			text.append(LINES[random.nextInt(LINES.length)]).append('\n');
		}
		return text.substring(0, size);
	}

}
