package io.costlens.dashboard;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.costlens.accounts.internal.ApiKeyService;
import io.costlens.accounts.internal.ApiKeyService.CreatedKey;
import io.costlens.accounts.internal.AuthService;
import io.costlens.accounts.internal.UserAccount;
import io.costlens.accounts.internal.UserAdminService;
import io.costlens.platform.CurrentUser;
import io.costlens.platform.Page;
import io.costlens.platform.Role;

/**
 * Users and their API keys (admins only, the security chain checks): create a user,
 * change role and tier, deactivate or reactivate, create a key (shown this once) and
 * revoke one.
 */
@Controller
class UserPages implements DashboardPage {

	private final UserAdminService users;

	private final AuthService auth;

	private final ApiKeyService keys;

	private final MessageSource messages;

	private final DashboardProperties properties;

	UserPages(UserAdminService users, AuthService auth, ApiKeyService keys, MessageSource messages,
			DashboardProperties properties) {
		this.users = users;
		this.auth = auth;
		this.keys = keys;
		this.messages = messages;
		this.properties = properties;
	}

	@GetMapping("/ui/users")
	String list(@RequestParam(defaultValue = "1") int page, Model model) {
		int number = Math.max(1, page);
		Page<UserAccount> found = new Page<>(this.users.page(number, this.properties.pageSize()), this.users.count(),
				number, this.properties.pageSize());
		model.addAttribute("users", found);
		model.addAttribute("pager", Pager.of(found));
		model.addAttribute("roles", Role.values());
		return "dashboard/users";
	}

	@PostMapping("/ui/users")
	String create(@RequestParam String username, @RequestParam(required = false) @Nullable String email,
			@RequestParam String password, @RequestParam String role, HttpServletRequest request,
			RedirectAttributes redirect, Locale locale) {
		CurrentUser admin = CurrentUser.current().orElseThrow();
		Params.role(role);
		UserAccount created = this.auth.register(admin, username.strip(), Params.optional(email), password,
				request.getRemoteAddr());
		Role wanted = Params.role(role);
		if (wanted != created.role()) {
			this.users.update(admin, created.id(), wanted, null, null, request.getRemoteAddr());
		}
		redirect.addFlashAttribute("notice",
				this.messages.getMessage("users.created", new Object[] { username }, locale));
		return "redirect:/ui/users/" + created.id();
	}

	@GetMapping("/ui/users/{id}")
	String user(@PathVariable UUID id, Model model) {
		CurrentUser admin = CurrentUser.current().orElseThrow();
		model.addAttribute("user", this.users.get(id));
		model.addAttribute("keys", this.keys.list(admin, id));
		model.addAttribute("roles", Role.values());
		model.addAttribute("userTiers", Params.USER_TIERS);
		model.addAttribute("keyTiers", Params.KEY_TIERS);
		return "dashboard/user";
	}

	@PostMapping("/ui/users/{id}")
	String change(@PathVariable UUID id, @RequestParam(required = false) @Nullable String role,
			@RequestParam(required = false) @Nullable String tier,
			@RequestParam(required = false) @Nullable Boolean active, HttpServletRequest request,
			RedirectAttributes redirect, Locale locale) {
		CurrentUser admin = CurrentUser.current().orElseThrow();
		String newRole = Params.optional(role);
		this.users.update(admin, id, (newRole != null) ? Params.role(newRole) : null,
				Params.tier(tier, Params.USER_TIERS), active, request.getRemoteAddr());
		redirect.addFlashAttribute("notice", this.messages.getMessage("users.changed", null, locale));
		return "redirect:/ui/users/" + id;
	}

	@PostMapping("/ui/users/{id}/keys")
	String createKey(@PathVariable UUID id, @RequestParam String name,
			@RequestParam(required = false) @Nullable String tier, HttpServletRequest request,
			RedirectAttributes redirect) {
		CurrentUser admin = CurrentUser.current().orElseThrow();
		CreatedKey created = this.keys.create(admin, id, name.strip(), Params.tier(tier, Params.KEY_TIERS),
				request.getRemoteAddr());
		redirect.addFlashAttribute("newKey", created.key());
		redirect.addFlashAttribute("newKeyName", created.stored().name());
		return "redirect:/ui/users/" + id;
	}

	@PostMapping("/ui/users/{id}/keys/{key}/revoke")
	String revokeKey(@PathVariable UUID id, @PathVariable UUID key, HttpServletRequest request,
			RedirectAttributes redirect, Locale locale) {
		this.keys.revoke(CurrentUser.current().orElseThrow(), key, request.getRemoteAddr());
		redirect.addFlashAttribute("notice", this.messages.getMessage("keys.revoked", null, locale));
		return "redirect:/ui/users/" + id;
	}

}
