// Azure resources for Golden Thread: one Linux App Service (Node 20) hosting the bot
// endpoint /api/messages, the REST API /api/ and the tab /tab/, plus an Azure Bot
// (single tenant) connected to Microsoft Teams.
// Deployed by `teamsapp provision` (arm/deploy in teamsapp.yml); outputs are written
// back to teamsapp/env/.env.<env> as upper-case variables.

@description('Base name for every resource; letters and digits, kept short (max 40).')
@maxLength(40)
param resourceBaseName string

@description('Azure region for the App Service plan and Web App.')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 is the smallest that supports Always On (needed for proactive bot messages).')
param webAppSku string = 'B1'

@description('Azure Bot pricing tier. F0 is free and enough for the Teams channel.')
param botServiceSku string = 'F0'

@description('Display name of the Azure Bot.')
param botDisplayName string = 'Golden Thread'

@description('Client id of the bot\'s Entra app registration (BOT_ID).')
param botAadAppClientId string

@secure()
@description('Client secret of the bot\'s Entra app registration (SECRET_BOT_PASSWORD). Never committed.')
param botAadAppClientSecret string

@description('Entra tenant of the bot\'s app registration. Empty: the tenant of this deployment.')
param botTenantId string = ''

@description('Storage adapter the server uses (STORE); only sqlite is available.')
param store string = 'sqlite'

@description('Folder for the SQLite file (DATA_DIR). /home is persistent storage on App Service for Linux.')
param dataDir string = '/home/data'

@description('Load the fictional demo authority on start (SEED_DEMO). Keep false for a real tenant.')
param seedDemo string = 'false'

@description('Command App Service runs to start the server.')
param startupCommand string = 'npm run serve'

var tenantId = empty(botTenantId) ? tenant().tenantId : botTenantId
var port = '8080'

resource serverfarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: '${resourceBaseName}-web'
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: startupCommand
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

// The environment variables the server reads (api/config.ts). A separate resource so that
// TAB_ENDPOINT can use the Web App's host name.
resource webAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    PORT: port
    WEBSITES_PORT: port
    HOST: '0.0.0.0'
    STORE: store
    DATA_DIR: dataDir
    SEED_DEMO: seedDemo
    TAB_ENDPOINT: 'https://${webApp.properties.defaultHostName}'
    MicrosoftAppId: botAadAppClientId
    MicrosoftAppPassword: botAadAppClientSecret
    MicrosoftAppTenantId: tenantId
    MicrosoftAppType: 'SingleTenant'
    // Install dependencies on the Linux host during zip deploy, so that native
    // modules (better-sqlite3) match the server rather than the admin's machine.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
  }
}

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${resourceBaseName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Written to teamsapp/env/.env.<env> by Teams Toolkit.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
