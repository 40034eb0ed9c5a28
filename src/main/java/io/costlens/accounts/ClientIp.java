package io.costlens.accounts;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's address as the container sees it. Behind a proxy, set
 * {@code server.forward-headers-strategy=native} so that it is the client's, taken from
 * {@code X-Forwarded-For} of trusted proxies only.
 */
final class ClientIp {

	private ClientIp() {
	}

	static String of(HttpServletRequest request) {
		return request.getRemoteAddr();
	}

}
