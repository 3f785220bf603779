/* c.command-injection, two-programs, bad: the agent runs a fixed command
 * with its own run_command(). */
void run_command(const char *cmd);

int main(void)
{
	run_command("uptime");
	return 0;
}
