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

import io.costlens.accounts.Accounts;
import io.costlens.accounts.Accounts.CreatedKey;
import io.costlens.accounts.User;
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

	private final Accounts accounts;

	private final MessageSource messages;

	private final DashboardProperties properties;

	UserPages(Accounts accounts, MessageSource messages, DashboardProperties properties) {
		this.accounts = accounts;
		this.messages = messages;
		this.properties = properties;
	}

	@GetMapping("/ui/users")
	String list(@RequestParam(defaultValue = "1") int page, Model model) {
		int number = Math.max(1, page);
		Page<User> found = new Page<>(this.accounts.users(number, this.properties.pageSize()),
				this.accounts.userCount(), number, this.properties.pageSize());
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
		User created = this.accounts.register(admin, username.strip(), Params.optional(email), password,
				Params.role(role), null, locale, request.getRemoteAddr());
		redirect.addFlashAttribute("notice",
				this.messages.getMessage("users.created", new Object[] { username }, locale));
		return "redirect:/ui/users/" + created.id();
	}

	@GetMapping("/ui/users/{id}")
	String user(@PathVariable UUID id, Model model) {
		CurrentUser admin = CurrentUser.current().orElseThrow();
		model.addAttribute("user", this.accounts.user(id));
		model.addAttribute("keys", this.accounts.keys(admin, id));
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
		this.accounts.updateUser(admin, id, (newRole != null) ? Params.role(newRole) : null,
				Params.tier(tier, Params.USER_TIERS), active, null, request.getRemoteAddr());
		redirect.addFlashAttribute("notice", this.messages.getMessage("users.changed", null, locale));
		return "redirect:/ui/users/" + id;
	}

	@PostMapping("/ui/users/{id}/keys")
	String createKey(@PathVariable UUID id, @RequestParam String name,
			@RequestParam(required = false) @Nullable String tier, HttpServletRequest request,
			RedirectAttributes redirect) {
		CurrentUser admin = CurrentUser.current().orElseThrow();
		CreatedKey created = this.accounts.createKey(admin, id, name.strip(), Params.tier(tier, Params.KEY_TIERS),
				request.getRemoteAddr());
		redirect.addFlashAttribute("newKey", created.key());
		redirect.addFlashAttribute("newKeyName", created.stored().name());
		return "redirect:/ui/users/" + id;
	}

	@PostMapping("/ui/users/{id}/keys/{key}/revoke")
	String revokeKey(@PathVariable UUID id, @PathVariable UUID key, HttpServletRequest request,
			RedirectAttributes redirect, Locale locale) {
		this.accounts.revokeKey(CurrentUser.current().orElseThrow(), key, request.getRemoteAddr());
		redirect.addFlashAttribute("notice", this.messages.getMessage("keys.revoked", null, locale));
		return "redirect:/ui/users/" + id;
	}

}
