package io.costlens.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.costlens.accounts.Accounts;
import io.costlens.platform.InvalidRequest;

/**
 * "Forgot password?" and the page the reset mail links to, for signed-out users, over the
 * same accounts facade as {@code POST /api/v2/auth/password-reset[/confirm]}. The request
 * form answers the same whether or not the user exists. The link's token is moved from
 * the address into the session at once, so that it is not left in the browser's history
 * or sent on as a Referer, and is dropped once it has been spent.
 */
@Controller
class PasswordResetPages implements DashboardPage {

	/** The session attribute that holds the token between the link and the form. */
	static final String TOKEN = PasswordResetPages.class.getName() + ".token";

	private static final int MAX_FIELD = 255;

	private final Accounts accounts;

	private final MessageSource messages;

	PasswordResetPages(Accounts accounts, MessageSource messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/ui/forgot-password")
	String forgot() {
		return "dashboard/forgot-password";
	}

	@PostMapping("/ui/forgot-password")
	String requestReset(@RequestParam(defaultValue = "") String username, HttpServletRequest request,
			RedirectAttributes redirect, Locale locale) {
		String name = username.strip();
		if (name.isEmpty() || name.length() > MAX_FIELD) {
			redirect.addFlashAttribute("error", this.messages.getMessage("forgot.invalid", null, locale));
			return "redirect:/ui/forgot-password";
		}
		this.accounts.requestPasswordReset(name, request.getRemoteAddr());
		return "redirect:/ui/forgot-password?sent";
	}

	/**
	 * The mail's link: keeps the token in the session and sends the browser on to the
	 * same page without it.
	 */
	@GetMapping(path = "/ui/reset-password", params = "token")
	String link(@RequestParam String token, HttpServletRequest request) {
		if (!token.isBlank() && token.length() <= MAX_FIELD) {
			request.getSession().setAttribute(TOKEN, token);
		}
		return "redirect:/ui/reset-password";
	}

	@GetMapping(path = "/ui/reset-password", params = "!token")
	String form(HttpServletRequest request, Model model) {
		model.addAttribute("hasToken", token(request) != null);
		return "dashboard/reset-password";
	}

	@PostMapping("/ui/reset-password")
	String reset(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirm,
			HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
		String token = token(request);
		if (token == null) {
			return "redirect:/ui/reset-password";
		}
		String problem = policy(password, confirm);
		if (problem != null) {
			redirect.addFlashAttribute("error", this.messages.getMessage(problem, null, locale));
			return "redirect:/ui/reset-password";
		}
		HttpSession session = request.getSession();
		try {
			this.accounts.confirmPasswordReset(token, password, request.getRemoteAddr());
		}
		catch (InvalidRequest ex) {
			session.removeAttribute(TOKEN);
			redirect.addFlashAttribute("error", this.messages.getMessage("reset.token.invalid", null, locale));
			return "redirect:/ui/reset-password";
		}
		session.removeAttribute(TOKEN);
		return "redirect:/ui/login?reset";
	}

	/** The message key of what is wrong with the new password, or {@code null}. */
	static @Nullable String policy(String password, String confirm) {
		if (password.length() < 12) {
			return "reset.password.short";
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
			return "reset.password.long";
		}
		if (!password.equals(confirm)) {
			return "reset.password.mismatch";
		}
		return null;
	}

	private static @Nullable String token(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null && session.getAttribute(TOKEN) instanceof String token) ? token : null;
	}

}
