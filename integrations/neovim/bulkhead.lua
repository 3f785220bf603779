-- SPDX-License-Identifier: MIT
-- Bulkhead diagnostics in Neovim: starts `bulkhead lsp` for C, Dockerfile,
-- shell and config buffers and attaches them to it, one server per
-- project root. Works on Neovim 0.7 (Debian 12 ships 0.7.2), which has
-- only vim.lsp.start_client/buf_attach_client, and uses vim.lsp.start
-- where it exists (0.8+), which reuses a running server by itself.
--
-- Use: put this file in your runtimepath (e.g. ~/.config/nvim/lua/) and
--   require('bulkhead').setup()           -- or .setup({ cmd = { '/path/to/bulkhead', 'lsp' } })
local M = {}

local defaults = {
  cmd = { 'bulkhead', 'lsp' },
  filetypes = { 'c', 'cpp', 'dockerfile', 'sh', 'bash', 'make', 'json', 'yaml', 'conf', 'dosini' },
  -- The build context: the nearest directory holding one of these.
  root_markers = { 'Dockerfile', 'Containerfile', '.bulkhead.json', 'compile_commands.json', '.git' },
}

local function find_root(bufnr, markers)
  local path = vim.api.nvim_buf_get_name(bufnr)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  while dir and dir ~= '' do
    for _, marker in ipairs(markers) do
      if vim.loop.fs_stat(dir .. '/' .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      break
    end
    dir = parent
  end
  return vim.fn.getcwd()
end

-- Neovim 0.7: one client id per root, started once and attached per buffer.
local clients = {}

local function attach(bufnr, opts)
  local root = find_root(bufnr, opts.root_markers)
  local config = { name = 'bulkhead', cmd = opts.cmd, root_dir = root }
  if vim.lsp.start then
    vim.lsp.start(config, { bufnr = bufnr })
    return
  end
  local id = clients[root]
  if not id or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client(config)
    clients[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

function M.setup(user)
  local opts = vim.tbl_extend('force', defaults, user or {})
  local group = vim.api.nvim_create_augroup('bulkhead', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = opts.filetypes,
    callback = function(args)
      attach(args.buf, opts)
    end,
  })
end

return M
