package io.costlens.dashboard;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import io.costlens.accounts.Accounts;
import io.costlens.accounts.User;
import io.costlens.dashboard.SessionSignIn.SessionDetails;
import io.costlens.platform.CurrentUser;
import io.costlens.platform.NotFound;

/**
 * Looks the session's user up on every request (through the cache of signed-in users,
 * which every change to a user moves on): a deactivated (or deleted) user's session ends
 * at once, and so does every session of a user whose password was changed or reset, and a
 * changed role or tier applies from the next request on.
 */
final class SessionUserCheck extends OncePerRequestFilter {

	private final Accounts accounts;

	private final SecurityContextRepository contexts;

	SessionUserCheck(Accounts accounts, SecurityContextRepository contexts) {
		this.accounts = accounts;
		this.contexts = contexts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser caller) {
			User account = find(caller);
			if (account == null || !account.active() || credentialsChanged(authentication, account)) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				response.sendRedirect(request.getContextPath() + "/ui/login?expired");
				return;
			}
			if (account.role() != caller.role() || !account.tier().equals(caller.tier())) {
				refresh(request, response, authentication, account);
			}
		}
		chain.doFilter(request, response);
	}

	/** Whether the password was changed or reset since the session signed in. */
	private static boolean credentialsChanged(Authentication authentication, User account) {
		return authentication.getDetails() instanceof SessionDetails details
				&& !Objects.equals(details.credentialsChangedAt(), account.credentialsChangedAt());
	}

	private @Nullable User find(CurrentUser caller) {
		try {
			return this.accounts.signedInUser(caller.userId());
		}
		catch (NotFound ex) {
			return null;
		}
	}

	private void refresh(HttpServletRequest request, HttpServletResponse response, Authentication old, User account) {
		CurrentUser now = new CurrentUser(account.id(), account.username(), account.role(), account.tier(), null);
		UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken.authenticated(now, null,
				List.of(new SimpleGrantedAuthority(account.role().authority())));
		updated.setDetails(old.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(updated);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
