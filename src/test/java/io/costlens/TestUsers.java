package io.costlens;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.TestComponent;

/**
 * Creates users through the API, as an admin would: each with a unique name, the role and
 * tier a test asks for, a known password and an API key of their own.
 */
@TestComponent
public class TestUsers {

	public static final String PASSWORD = "correct-horse-battery";

	private final TestApi api;

	TestUsers(TestApi api) {
		this.api = api;
	}

	public User create(String role, String tier) {
		String username = role + "-" + UUID.randomUUID().toString().substring(0, 12);
		TestApi.Response created = this.api
			.post("/api/v2/auth/register",
					"{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.com\",\"password\":\""
							+ PASSWORD + "\"}")
			.send();
		if (created.status() != 201) {
			throw new IllegalStateException("register: " + created.status() + " " + created.body());
		}
		String id = created.json().get("id").asString();
		if (!role.equals("member") || !tier.equals("free")) {
			this.api.patch("/api/v2/users/" + id, "{\"role\":\"" + role + "\",\"tier\":\"" + tier + "\"}").send();
		}
		JsonNode key = this.api.post("/api/v2/api-keys?user_id=" + id, "{\"name\":\"test\"}").send().json();
		return new User(id, username, PASSWORD, key.get("key").asString(), key.get("id").asString());
	}

	public User member() {
		return create("member", "free");
	}

	/**
	 * A user made for a test.
	 *
	 * @param id the user's id
	 * @param username the user's name
	 * @param password the user's password
	 * @param apiKey an API key of the user's
	 * @param apiKeyId that key's id
	 */
	public record User(String id, String username, String password, String apiKey, String apiKeyId) {
	}

}
