package io.costlens.dashboard;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.costlens.demo.Demo;

/**
 * The empty pages' offer of the demo data: an admin's button (the security chain refuses
 * everyone else) that loads it into an empty installation and refuses, saying why, when
 * the installation holds data already.
 */
@Controller
class DemoPages implements DashboardPage {

	private final Demo demo;

	private final MessageSource messages;

	DemoPages(Demo demo, MessageSource messages) {
		this.demo = demo;
		this.messages = messages;
	}

	@PostMapping("/ui/demo")
	String load(RedirectAttributes redirect, Locale locale) {
		Demo.Result result = this.demo.loadIfEmpty();
		if (result.loaded()) {
			redirect.addFlashAttribute("notice", this.messages.getMessage("demo.loaded", null, locale));
		}
		else {
			redirect.addFlashAttribute("error", this.messages
				.getMessage(this.demo.isEmpty() ? "demo.refused.busy" : "demo.refused.notempty", null, locale));
		}
		return "redirect:/ui/";
	}

	/**
	 * Whether the empty pages offer the demo data (templates call it as
	 * {@code @demoOffer}, only where a page is empty).
	 */
	@Component("demoOffer")
	static class Offer {

		private final Demo demo;

		Offer(Demo demo) {
			this.demo = demo;
		}

		public boolean available() {
			return this.demo.isEmpty();
		}

	}

}
