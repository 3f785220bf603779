#!/bin/sh
# A header in a quoted argument is a setting, not prose.
curl -H "X-Auth-Token: Rk4vN8qZ2mX7tL9w" https://api.internal/v1/items
