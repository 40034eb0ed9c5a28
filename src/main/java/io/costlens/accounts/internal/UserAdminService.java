package io.costlens.accounts.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.costlens.audit.AuditEvent;
import io.costlens.platform.Conflict;
import io.costlens.platform.CurrentUser;
import io.costlens.platform.NotFound;
import io.costlens.platform.Role;

/** What admins do to users: list them, change role and tier, (de)activate them. */
@Service
public class UserAdminService {

	private final UserRepository users;

	private final ApiKeyAuthenticationProvider cache;

	private final RefreshTokenRepository refreshTokens;

	private final ApplicationEventPublisher events;

	UserAdminService(UserRepository users, ApiKeyAuthenticationProvider cache, RefreshTokenRepository refreshTokens,
			ApplicationEventPublisher events) {
		this.users = users;
		this.cache = cache;
		this.refreshTokens = refreshTokens;
		this.events = events;
	}

	public List<UserAccount> page(int page, int pageSize) {
		return this.users.page(page, pageSize);
	}

	public long count() {
		return this.users.count();
	}

	public UserAccount get(UUID id) {
		return this.users.findById(id).orElseThrow(() -> new NotFound("No user " + id));
	}

	/**
	 * Applies the changes given; a deactivated user's keys and tokens stop working at
	 * once on this instance (refresh tokens everywhere).
	 */
	@Transactional
	public UserAccount update(CurrentUser admin, UUID id, @Nullable Role role, @Nullable String tier,
			@Nullable Boolean active, @Nullable String locale, String clientIp) {
		UserAccount user = get(id);
		Role newRole = (role != null) ? role : user.role();
		boolean newActive = (active != null) ? active : user.active();
		if (id.equals(admin.userId()) && (newRole != Role.ADMIN || !newActive)) {
			throw new Conflict("Admins cannot demote or deactivate themselves");
		}
		String newTier = (tier != null) ? tier : user.tier();
		this.users.updateAccess(id, newRole, newTier, newActive);
		if (locale != null) {
			this.users.updateLocale(id, locale);
		}
		if (!newActive) {
			this.refreshTokens.revokeAllOf(id);
		}
		this.cache.forgetUser(id);
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("role", List.of(user.role().value(), newRole.value()));
		changes.put("tier", List.of(user.tier(), newTier));
		changes.put("is_active", List.of(user.active(), newActive));
		if (locale != null) {
			changes.put("locale", List.of(user.locale(), locale));
		}
		this.events.publishEvent(
				AuditEvent.of(admin.username(), "admin.user_updated", "update", "user", id.toString(), clientIp)
					.with(changes));
		return get(id);
	}

}
