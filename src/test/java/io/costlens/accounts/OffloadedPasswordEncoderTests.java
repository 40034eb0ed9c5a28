package io.costlens.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class OffloadedPasswordEncoderTests {

	@Test
	void hashesAndChecksPasswordsOnItsOwnPlatformThreads() throws Exception {
		List<String> threads = new ArrayList<>();
		PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		try (OffloadedPasswordEncoder passwords = new OffloadedPasswordEncoder(new PasswordEncoder() {
			@Override
			public String encode(CharSequence raw) {
				threads
					.add(Thread.currentThread().getName() + (Thread.currentThread().isVirtual() ? " (virtual)" : ""));
				return bcrypt.encode(raw);
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				threads
					.add(Thread.currentThread().getName() + (Thread.currentThread().isVirtual() ? " (virtual)" : ""));
				return bcrypt.matches(raw, encoded);
			}
		}, 1); var requests = Executors.newVirtualThreadPerTaskExecutor()) {
			String hash = requests.submit(() -> passwords.encode("correct horse")).get();

			assertThat(requests.submit(() -> passwords.matches("correct horse", hash)).get()).isTrue();
			assertThat(requests.submit(() -> passwords.matches("wrong horse", hash)).get()).isFalse();
		}

		assertThat(threads).hasSize(3).allSatisfy((name) -> assertThat(name).isEqualTo("password-hashing-1"));
	}

}
