-- SPDX-License-Identifier: MIT
-- Run by nvim_lsp_test.sh inside `nvim --headless`: Neovim's own LSP
-- client, configured by integrations/neovim/bulkhead.lua, against
-- `bulkhead lsp`. Writes one line per check to $BH_OUT: "ok - ..." or
-- "not ok - ...", then quits.
local out = {}
local function check(name, cond, detail)
  table.insert(out, (cond and 'ok - ' or 'not ok - ') .. name .. ((not cond and detail) and (' ' .. vim.inspect(detail)) or ''))
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function wait_code(bufnr, code, lnum)
  local found
  vim.wait(60000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if code_of(d) == code and (lnum == nil or d.lnum == lnum) then
        found = d
        return true
      end
    end
    return false
  end, 50)
  return found
end

package.path = vim.env.BH_SRC .. '/integrations/neovim/?.lua;' .. package.path
require('bulkhead').setup({ cmd = { vim.env.BH, 'lsp' } })
vim.cmd('filetype on')
vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.BH_CTX .. '/src/admin.c'))
local buf = vim.api.nvim_get_current_buf()

local d = wait_code(buf, 'c.gets')
check('the client receives the full analysis of the opened file (c.gets)', d ~= nil)
if d then
  check('on the call\'s line and column', d.lnum == 38 and d.col == 1, { d.lnum, d.col })
  check('source and severity', d.source == 'bulkhead' and d.severity == vim.diagnostic.severity.ERROR, d)
  check('the message says how the code reaches the image', d.message:find('in image: /usr/local/bin/quotesvc', 1, true) ~= nil, d.message)
end
check('the flow of a cross-file finding', wait_code(buf, 'c.command-injection') ~= nil)

-- Typing: a secret in the buffer, reported before any save.
-- bulkhead: ignore[secret.aws-access-key-id] a test vector: the test needs a secret the scanner finds
vim.api.nvim_buf_set_lines(buf, 0, 0, false, { 'static const char *aws = "AKIAQ4TJXW2M7DEMOKEY";' })
local s = wait_code(buf, 'secret.aws-access-key-id', 0)
check('an unsaved edit gets the fast diagnostics (secret on the new line)', s ~= nil)
check('older findings moved down with the edit', wait_code(buf, 'c.gets', 39) ~= nil)

-- Hover and code actions through the client's own request path.
local client = vim.lsp.get_active_clients()[1]
local pos = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 39, character = 2 } }
local res = vim.lsp.buf_request_sync(buf, 'textDocument/hover', pos, 10000)
local hover = res and res[client.id] and res[client.id].result
check('hover explains the rule', hover and hover.contents.value:find('c.gets', 1, true) ~= nil, res)
local ca = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = 39, character = 0 }, ['end'] = { line = 39, character = 0 } },
  context = { diagnostics = {} },
}, 10000)
local actions = ca and ca[client.id] and ca[client.id].result or {}
local sup
for _, a in ipairs(actions) do
  if a.title:find('Suppress c.gets', 1, true) then sup = a end
end
check('a suppression code action', sup ~= nil, actions)
if sup then
  vim.lsp.util.apply_workspace_edit(sup.edit, client.offset_encoding or 'utf-16')
  check('applied by the client', vim.api.nvim_buf_get_lines(buf, 39, 40, false)[1]:find('bulkhead: ignore[c.gets]', 1, true) ~= nil,
        vim.api.nvim_buf_get_lines(buf, 38, 41, false))
  vim.cmd('write')
  local gone = vim.wait(60000, function()
    for _, x in ipairs(vim.diagnostic.get(buf)) do
      if code_of(x) == 'c.gets' then return false end
    end
    return #vim.diagnostic.get(buf) > 0
  end, 50)
  check('after :write the full analysis honours the suppression', gone)
end

vim.lsp.stop_client(client.id)
vim.fn.writefile(out, vim.env.BH_OUT)
vim.cmd('qa!')
