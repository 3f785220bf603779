# A name qualified by `::` refers to a constant of the program.
auth_token = Secrets::api_token
