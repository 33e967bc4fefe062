console.log('scaffold')
