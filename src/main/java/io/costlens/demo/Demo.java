package io.costlens.demo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import io.costlens.accounts.Accounts;
import io.costlens.accounts.User;
import io.costlens.devlens.Devlens;
import io.costlens.platform.CurrentUser;
import io.costlens.platform.Role;
import io.costlens.predictions.Predictions;
import io.costlens.providers.Providers;
import io.costlens.scenarios.Scenarios;

/**
 * Loads the sample data on an empty installation: at start-up when asked
 * ({@code costlens.demo=true} or the {@code demo} profile), or when an admin takes the
 * dashboard's offer. It never loads into a database that holds scenarios, predictions,
 * DevLens sessions or provider keys. The data is written through each module's own API,
 * as the first admin (who owns the provider keys and is the actor of the audit entries).
 */
@Service
public class Demo {

	private static final Logger log = LoggerFactory.getLogger(Demo.class);

	private final Scenarios scenarios;

	private final Predictions predictions;

	private final Providers providers;

	private final Devlens devlens;

	private final Accounts accounts;

	private final DemoProperties properties;

	private final ReentrantLock loading = new ReentrantLock();

	Demo(Scenarios scenarios, Predictions predictions, Providers providers, Devlens devlens, Accounts accounts,
			DemoProperties properties) {
		this.scenarios = scenarios;
		this.predictions = predictions;
		this.providers = providers;
		this.devlens = devlens;
		this.accounts = accounts;
		this.properties = properties;
	}

	/**
	 * Whether the installation holds no data the demo would mix with: no scenario, no
	 * prediction, no DevLens session, no provider key (users and API keys do not count).
	 */
	public boolean isEmpty() {
		return this.scenarios.count() == 0 && this.predictions.models().isEmpty() && this.devlens.sessionCount() == 0
				&& this.providers.keyCount() == 0;
	}

	/**
	 * Loads the sample data into every module when the installation is empty; otherwise
	 * loads nothing. The caller checks that an admin asked.
	 * @return whether it loaded, and what (or why not)
	 */
	public Result loadIfEmpty() {
		if (!this.loading.tryLock()) {
			return new Result(false, "Demo data is being loaded already");
		}
		try {
			if (!isEmpty()) {
				return new Result(false,
						"Demo data is loaded only into an empty installation; this one holds scenarios, predictions, "
								+ "sessions or provider keys");
			}
			User admin = firstAdmin();
			SecurityContext previous = SecurityContextHolder.getContext();
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			CurrentUser actor = new CurrentUser(admin.id(), admin.username(), Role.ADMIN, "unlimited", null);
			context.setAuthentication(new UsernamePasswordAuthenticationToken(actor, null, List.of()));
			SecurityContextHolder.setContext(context);
			try {
				Map<String, Long> counts = new SampleData(this.properties.days()).load(this.scenarios, this.predictions,
						this.providers, this.devlens);
				String message = "Demo data loaded: " + counts;
				log.info(message);
				return new Result(true, message);
			}
			finally {
				SecurityContextHolder.setContext(previous);
			}
		}
		finally {
			this.loading.unlock();
		}
	}

	private User firstAdmin() {
		return this.accounts.users(1, 100)
			.stream()
			.filter((user) -> user.role() == Role.ADMIN && user.active())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No active admin to own the demo data"));
	}

	/**
	 * What {@link #loadIfEmpty} did.
	 *
	 * @param loaded whether the sample data was loaded
	 * @param message what was loaded, or why nothing was
	 */
	public record Result(boolean loaded, String message) {

	}

}
