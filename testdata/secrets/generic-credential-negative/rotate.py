def first_token(tokens, settings):
    token = tokens[0]
    api_key = settings["api_key"]
    secret = SECRETS[index]
    password = row.password_hash
    return token, api_key, secret, password
